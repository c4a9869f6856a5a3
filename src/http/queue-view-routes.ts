import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Express, RequestHandler } from 'express';
import { principalOf } from '../auth/index.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { sendError } from './send-error.js';

/** Where the queue view is mounted; its pages build their asset and API URLs from it. */
export const QUEUE_VIEW_PATH = '/admin/queues';

export interface QueueViewDeps {
  auth: RequireTokenDeps;
  queues: readonly Queue[];
}

/**
 * bull-board's pages and JSON API, for admins, read-only. Mount with `app.use(QUEUE_VIEW_PATH, ...handlers)`.
 * Removing, cleaning or promoting a decision job would skip or reorder a gate decision with no audit
 * entry, so the board runs in its read-only mode (which also turns off retries) and every method but
 * GET and HEAD is refused here before it reaches the board.
 */
export function createQueueViewRoutes(deps: QueueViewDeps): RequestHandler[] {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_VIEW_PATH);
  createBullBoard({
    queues: deps.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'donegate queues' } },
  });
  const boardApp = board.getRouter() as Express;
  boardApp.disable('x-powered-by');

  const noStore: RequestHandler = (_req, res, next) => {
    // Job payloads name tickets and comments: no browser or proxy keeps a copy, no other site frames the page.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  };
  const everyProject: RequestHandler = (_req, res, next) => {
    const principal = principalOf(res);
    if (principal.projects.length === 0) {
      next();
      return;
    }
    sendError(res, 403, 'FORBIDDEN_PROJECT', `token "${principal.name}" is limited to project(s) ${principal.projects.join(', ')}; the queue view shows every project's jobs, so it needs an admin token for every project`);
  };
  const readOnly: RequestHandler = (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      next();
      return;
    }
    res.setHeader('Allow', 'GET, HEAD');
    sendError(res, 405, 'QUEUE_VIEW_READ_ONLY', 'the queue view is read-only: jobs are not removed, retried, promoted, cleaned or paused from it, so every gate decision keeps its audit entry');
  };
  return [noStore, requireToken(deps.auth, 'queues:view', { basicRealm: 'donegate queues' }), everyProject, readOnly, boardApp];
}
