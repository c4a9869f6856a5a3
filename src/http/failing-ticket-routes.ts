import { Router } from 'express';
import { InvalidTokenInputError, parseProjectKeys, principalOf, projectInScope, scopesForProject } from '../auth/index.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import type { FailingTicket, FailingTicketFilter } from '../decisions/list-failing-tickets.js';
import { renderFailingTicketsPage } from './failing-tickets-page.js';
import { findTrackerPlugin } from '../trackers/registry.js';
import { sendError } from './send-error.js';
import { trackerChoices } from './tracker-param.js';

const FORMATS = ['json', 'html'] as const;

export interface FailingTicketRouteDeps {
  auth: RequireTokenDeps;
  list: (filter: FailingTicketFilter) => Promise<FailingTicket[]>;
  now?: () => Date;
}

/**
 * `GET /api/v1/tickets/failing`: tickets whose latest decision is a fail or an error (blocked, warned, or
 * not checkable), newest first, within the token's projects. `?tracker=`, `?project=` (comma-separated),
 * `?format=json|html`, `?limit=` (1–5000, default 500).
 */
export function createFailingTicketRoutes({ auth, list, now = () => new Date() }: FailingTicketRouteDeps): Router {
  const router = Router();
  router.get('/tickets/failing', requireToken(auth, 'decisions:read'), async (req, res) => {
    const tracker = typeof req.query.tracker === 'string' ? req.query.tracker : undefined;
    const format = typeof req.query.format === 'string' ? req.query.format : 'json';
    const limitText = typeof req.query.limit === 'string' ? req.query.limit : '500';
    if (tracker !== undefined && !findTrackerPlugin(tracker)) {
      sendError(res, 400, 'INVALID_TRACKER', `tracker must be ${trackerChoices()}, not "${tracker.slice(0, 40)}"`);
      return;
    }
    if (!(FORMATS as readonly string[]).includes(format)) {
      sendError(res, 400, 'INVALID_FORMAT', `format must be one of ${FORMATS.join(', ')}`);
      return;
    }
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 5000) {
      sendError(res, 400, 'INVALID_LIMIT', 'limit must be a whole number from 1 to 5000');
      return;
    }
    let asked: string[];
    try {
      // The same reading as a token's --projects: comma-separated keys, upper-cased.
      asked = typeof req.query.project === 'string' ? parseProjectKeys(req.query.project) : [];
    } catch (error) {
      if (!(error instanceof InvalidTokenInputError)) throw error;
      sendError(res, 400, 'INVALID_PROJECT', error.message);
      return;
    }
    const scope = principalOf(res).projects;
    const outside = asked.filter((project) => !projectInScope(scope, project, tracker));
    if (outside.length > 0) {
      sendError(res, 403, 'FORBIDDEN_PROJECT', `this token is limited to ${scope.join(', ')}; it cannot read ${outside.join(', ')}`);
      return;
    }
    // Scopes as stored (`ML`, `jira:ML`): a `jira:ML` token asking for ML sees Jira's ML only.
    const projects = asked.length === 0 ? scope : scope.length === 0 ? asked : asked.flatMap((project) => scopesForProject(scope, project, tracker));
    const tickets = await list({ ...(tracker ? { tracker } : {}), projects, limit });
    if (format === 'html') {
      // The page needs nothing but its own inline styles; anything else it tried to load would be an injection.
      res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.type('html').send(renderFailingTicketsPage(tickets, now()));
      return;
    }
    res.json({ count: tickets.length, tickets });
  });
  return router;
}
