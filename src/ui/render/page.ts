import type { Principal } from '../../auth/api-token.js';
import { roleHasPermission, type Permission } from '../../auth/roles.js';
import { html, type Html } from './html.js';
import { STYLESHEET_PATH } from './stylesheet.js';

/** The sections in the site's navigation, each shown only to roles that may open it. */
const SECTIONS: ReadonlyArray<{ path: string; label: string; permission: Permission }> = [
  { path: '/ui/board', label: 'Board', permission: 'decisions:read' },
  { path: '/ui/waivers', label: 'Waivers', permission: 'waivers:read' },
  { path: '/ui/trends', label: 'Trends', permission: 'decisions:read' },
  { path: '/ui/audit', label: 'Audit', permission: 'audit:read' },
];

export interface PageOptions {
  title: string;
  /** Who is signed in; absent on the sign-in pages. */
  principal?: Principal;
  /** The CSRF token of the session, for the sign-out form and the page's own forms. */
  csrfToken?: string;
  /** The path of the current section, so its link is marked `aria-current`. */
  current?: string;
  /** Scripts of our own under /ui/assets/ (progressive enhancement only; pages work without them). */
  scripts?: readonly string[];
  body: Html;
}

/** A whole page: one layout for every page, with a skip link, landmarks and the navigation. */
export function renderPage(options: PageOptions): string {
  const { principal } = options;
  const nav = principal
    ? html`<nav aria-label="Sections"><ul>${SECTIONS.filter((section) => roleHasPermission(principal.role, section.permission)).map(
        (section) => html`<li><a href="${section.path}"${options.current === section.path ? html` aria-current="page"` : ''}>${section.label}</a></li>`,
      )}</ul></nav>
      <div class="who"><span>${principal.name} <span class="muted">(${principal.role})</span></span>${
        options.csrfToken === undefined
          ? ''
          : html`<form method="post" action="/ui/logout"><input type="hidden" name="_csrf" value="${options.csrfToken}"><button type="submit" class="secondary">Sign out</button></form>`
      }</div>`
    : '';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · donegate</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a class="brand" href="/ui/">donegate</a>${nav}</header>
<main id="main">
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>
`.markup;
}
