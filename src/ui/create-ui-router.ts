import { Router } from 'express';
import { STYLESHEET, STYLESHEET_PATH } from './render/stylesheet.js';
import { uiSecurityHeaders } from './security-headers.js';
import { UI_PAGES } from './pages/index.js';
import type { UiDeps } from './ui-deps.js';

/** The web app for PMs, approvers and auditors, mounted at /ui: server-rendered pages behind sign-in. */
export function createUiRouter(deps: UiDeps): Router {
  const router = Router();
  router.use(uiSecurityHeaders);
  router.get(STYLESHEET_PATH.slice('/ui'.length), (_req, res) => {
    // The digest is in the path, so the file never changes under its URL.
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.type('text/css').send(STYLESHEET);
  });
  router.get('/', (_req, res) => {
    res.redirect(303, '/ui/board');
  });
  for (const page of UI_PAGES) router.use(page(deps));
  return router;
}
