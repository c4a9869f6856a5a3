import type { Router } from 'express';
import type { UiDeps } from '../ui-deps.js';
import { createWaiversPage } from './waivers-page.js';
import { createTrendsPage } from './trends-page.js';
import { createAuditPage } from './audit-page.js';
import { signInPages } from './sign-in-pages.js';
import { createBoardPage } from './board/board-page.js';
import { createTicketPage } from './ticket/ticket-page.js';

/**
 * Every page of the web app, each a router made from the shared dependencies and mounted under /ui.
 * A new page is its file plus one line here.
 */
export const UI_PAGES: ReadonlyArray<(deps: UiDeps) => Router> = [
  createWaiversPage,
  createTrendsPage,
  createAuditPage,
  signInPages,
  createBoardPage,
  createTicketPage,
];
