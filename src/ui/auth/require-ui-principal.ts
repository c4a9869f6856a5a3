import type { RequestHandler } from 'express';
import { principalOf } from '../../auth/principal-of.js';
import { roleHasPermission, ROLES_WITH_PERMISSION, type Permission } from '../../auth/roles.js';
import { requireToken, type RequireTokenDeps } from '../../http/require-token.js';
import { sendError } from '../../http/send-error.js';
import type { UiSessions } from './ui-sessions.js';

export interface UiAuthDeps {
  auth: RequireTokenDeps;
  /** Browser sessions; absent → only bearer tokens are accepted. */
  sessions?: UiSessions;
}

/**
 * A page needs someone signed in whose role holds `permission`. A browser session (cookie) counts, and so
 * does an API token (`Authorization: Bearer`), for scripts and for the CSV download from a pipeline. On
 * success `res.locals.principal` is set (read it with `principalOf(res)`), `res.locals.authVia` says which,
 * and for sessions `res.locals.csrfToken` holds the token the page's forms must send back.
 * Someone not signed in who asks for a page is sent to the sign-in page, and comes back after.
 */
export function requireUiPrincipal(deps: UiAuthDeps, permission: Permission): RequestHandler {
  const byToken = requireToken(deps.auth, permission);
  return async (req, res, next) => {
    if (req.headers.authorization !== undefined) {
      res.locals.authVia = 'bearer';
      byToken(req, res, next);
      return;
    }
    const session = await deps.sessions?.current(req, res);
    if (!session) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        res.redirect(303, `/ui/login?next=${encodeURIComponent(req.originalUrl.slice(0, 2000))}`);
        return;
      }
      sendError(res, 401, 'UNAUTHENTICATED', 'sign in first: open /ui/login');
      return;
    }
    res.locals.principal = session.principal;
    res.locals.csrfToken = session.csrfToken;
    res.locals.authVia = 'session';
    if (!roleHasPermission(principalOf(res).role, permission)) {
      sendError(res, 403, 'FORBIDDEN_ROLE', `your role is ${session.principal.role}, which does not grant ${permission}; ask for ${ROLES_WITH_PERMISSION[permission].join(' or ')}`);
      return;
    }
    next();
  };
}
