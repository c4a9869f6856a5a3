import { Router } from 'express';
import { requireToken, TICKET_ROUTE_SCOPE, type RequireTokenDeps } from '../auth/index.js';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import { sendError } from './send-error.js';

const TRACKERS = new Set(['jira', 'linear']);
/** Jira keys (ML-142) and Linear identifiers (AI-7); anything else cannot name a ticket. */
const TICKET_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

/**
 * `GET /api/v1/tickets/:tracker/:key/decisions`: every decision recorded for the ticket, oldest first.
 * Any role may read, within its token's projects.
 */
export function createDecisionRoutes({ auth, decisions }: { auth: RequireTokenDeps; decisions: DecisionRepository }): Router {
  const router = Router();
  const guard = requireToken(auth, 'decisions:read', TICKET_ROUTE_SCOPE);
  router.get('/tickets/:tracker/:key/decisions', guard, async (req, res) => {
    const tracker = String(req.params.tracker);
    const key = String(req.params.key);
    if (!TRACKERS.has(tracker)) {
      sendError(res, 404, 'UNKNOWN_TRACKER', `unknown tracker "${tracker}"; use jira or linear`);
      return;
    }
    if (!TICKET_KEY.test(key)) {
      sendError(res, 400, 'INVALID_TICKET_KEY', `"${key}" is not a ticket key such as ML-142`);
      return;
    }
    const list = await decisions.forTicket(tracker as 'jira' | 'linear', key.toUpperCase());
    res.json({ tracker, ticket: key.toUpperCase(), decisions: list });
  });
  return router;
}
