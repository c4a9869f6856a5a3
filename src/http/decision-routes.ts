import { Router } from 'express';
import { requireToken, TICKET_ROUTE_SCOPE, type RequireTokenDeps } from './require-token.js';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import { sendTrackerParamError } from './send-tracker-param-error.js';
import { readTrackerParam } from './tracker-param.js';


/**
 * `GET /api/v1/tickets/:tracker/:key/decisions`: every decision recorded for the ticket, oldest first.
 * Any role may read, within its token's projects.
 */
export function createDecisionRoutes({ auth, decisions }: { auth: RequireTokenDeps; decisions: DecisionRepository }): Router {
  const router = Router();
  const guard = requireToken(auth, 'decisions:read', TICKET_ROUTE_SCOPE);
  router.get('/tickets/:tracker/:key/decisions', guard, async (req, res) => {
    const ticket = readTrackerParam(String(req.params.tracker), String(req.params.key));
    if (!ticket.ok) {
      sendTrackerParamError(res, ticket);
      return;
    }
    const list = await decisions.forTicket(ticket.plugin.name, ticket.key);
    res.json({ tracker: ticket.plugin.name, ticket: ticket.key, decisions: list });
  });
  return router;
}
