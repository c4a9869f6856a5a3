import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { requireToken, TICKET_ROUTE_SCOPE, type RequireTokenDeps } from './require-token.js';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import { errorResponse } from './openapi/error-response.js';
import { needsPermission } from './openapi/needs-permission.js';
import { parseRequestPart } from './parse-request-part.js';
import { TICKET_PATH_PROBLEMS, ticketPathSchema } from './tracker-param.js';

/**
 * `GET /api/v1/tickets/:tracker/:key/decisions`: every decision recorded for the ticket, oldest first.
 * Any role may read, within its token's projects.
 */
export function createDecisionRoutes({ auth, decisions }: { auth: RequireTokenDeps; decisions: DecisionRepository }): Router {
  const router = Router();
  const guard = requireToken(auth, 'decisions:read', TICKET_ROUTE_SCOPE);
  router.get('/tickets/:tracker/:key/decisions', guard, async (req, res) => {
    const ticket = parseRequestPart(res, ticketPathSchema, req.params, TICKET_PATH_PROBLEMS);
    if (!ticket) return;
    const list = await decisions.forTicket(ticket.plugin.name, ticket.key);
    res.json({ tracker: ticket.plugin.name, ticket: ticket.key, decisions: list });
  });
  return router;
}

export const decisionPaths: ZodOpenApiPathsObject = {
  '/tickets/{tracker}/{key}/decisions': {
    get: needsPermission('decisions:read', {
      operationId: 'listTicketDecisions',
      summary: "A ticket's decisions",
      description: 'Every decision donegate recorded for the ticket, oldest first.',
      requestParams: { path: ticketPathSchema },
      responses: {
        200: {
          description: 'The decisions (an empty list when there are none).',
          content: {
            'application/json': {
              schema: z.object({
                tracker: z.string(),
                ticket: z.string(),
                decisions: z.array(
                  z.record(z.string(), z.unknown()).meta({ description: 'One decision: deliveryId, outcome, reason, rule, mode, criteria, actions and when it was received and decided.' }),
                ),
              }),
            },
          },
        },
        400: errorResponse(['INVALID_TICKET_KEY'], 'The key is not one the tracker issues'),
        404: errorResponse(['UNKNOWN_TRACKER'], 'The tracker is not registered'),
      },
    }),
  },
};
