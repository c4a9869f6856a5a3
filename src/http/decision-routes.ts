import { Router } from 'express';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import { sendError } from './send-error.js';

const TRACKERS = new Set(['jira', 'linear']);
/** Jira keys (ML-142) and Linear identifiers (AI-7); anything else cannot name a ticket. */
const TICKET_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

/** `GET /api/v1/tickets/:tracker/:key/decisions`: every decision recorded for the ticket, oldest first. */
export function createDecisionRoutes(decisions: DecisionRepository): Router {
  const router = Router();
  router.get('/tickets/:tracker/:key/decisions', async (req, res) => {
    const { tracker, key } = req.params;
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
