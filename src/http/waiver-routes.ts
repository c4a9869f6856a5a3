import express, { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { principalOf } from '../auth/index.js';
import { requireToken, TICKET_ROUTE_SCOPE, type RequireTokenDeps } from './require-token.js';
import { waiverRequestSchema } from '../waivers/waiver-request.js';
import { createWaiver, type WaiverChangeDeps } from './waiver-changes.js';
import { presentWaiver, waiverViewSchema } from './present-waiver.js';
import { errorResponse } from './openapi/error-response.js';
import { needsPermission } from './openapi/needs-permission.js';
import { jsonBodyResponses } from './openapi/json-body-responses.js';
import { parseRequestPart } from './parse-request-part.js';
import { parseRequestWhole } from './parse-request-whole.js';
import { sendError } from './send-error.js';
import { TICKET_PATH_PROBLEMS, ticketPathAnyKeySchema } from './tracker-param.js';

const REEVALUATION = z.enum(['queued', 'not-queued']).meta({ description: 'Whether a re-evaluation of the ticket was queued (not-queued: Redis was unreachable; the next move re-checks).' });

/** The answer to a waiver created or revoked: the waiver as it now stands, and the ticket's re-evaluation. */
export const waiverChangeSchema = z.object({ waiver: waiverViewSchema, reevaluation: REEVALUATION });

const CREATE_BODY_LIMIT = '64kb';

export interface WaiverRouteDeps extends WaiverChangeDeps {
  auth: RequireTokenDeps;
  now?: () => Date;
}

/**
 * `POST /api/v1/waivers` (approver or admin tokens): accept a risk on a ticket's criterion, or on some of
 * its advisories, with a reason and an end date no further than the policy allows.
 * `GET /api/v1/tickets/:tracker/:key/waivers`: the ticket's waivers, active and expired.
 */
export function createWaiverRoutes(deps: WaiverRouteDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.post('/waivers', requireToken(deps.auth, 'waivers:write'), express.json({ limit: CREATE_BODY_LIMIT }), async (req, res) => {
    const request = parseRequestWhole(res, waiverRequestSchema, req.body, { code: 'INVALID_WAIVER', part: 'body', hint: '' });
    if (!request) return;
    const change = await createWaiver(deps, principalOf(res), request, now());
    if ('refused' in change) {
      sendError(res, change.refused.status, change.refused.code, change.refused.message);
      return;
    }
    const answer: z.input<typeof waiverChangeSchema> = { waiver: presentWaiver(change.waiver, now()), reevaluation: change.reevaluation };
    res.status(201).json(answer);
  });

  router.get(
    '/tickets/:tracker/:key/waivers',
    requireToken(deps.auth, 'decisions:read', TICKET_ROUTE_SCOPE),
    async (req, res) => {
      const ticket = parseRequestPart(res, ticketPathAnyKeySchema, req.params, TICKET_PATH_PROBLEMS);
      if (!ticket) return;
      const { plugin, key } = ticket;
      const byCriterion = await deps.waivers.forTicket(plugin.name, key);
      res.json({ tracker: plugin.name, ticket: key, waivers: [...byCriterion.values()].flat().map((w) => presentWaiver(w, now())) });
    },
  );
  return router;
}

export const waiverPaths: ZodOpenApiPathsObject = {
  '/waivers': {
    post: needsPermission('waivers:write', {
      operationId: 'createWaiver',
      summary: "Waive a ticket's criterion, or some of its advisories",
      description: 'Accepts a risk on a ticket until the end of `expires` (UTC), at most the policy\'s waivers.maxDays ahead, and queues a re-evaluation of the ticket.',
      requestBody: { required: true, content: { 'application/json': { schema: waiverRequestSchema } } },
      responses: {
        201: { description: 'The waiver, recorded in the audit log.', content: { 'application/json': { schema: waiverChangeSchema } } },
        ...jsonBodyResponses(CREATE_BODY_LIMIT, { codes: ['INVALID_WAIVER'], when: 'The body is not a waiver request, the criterion is unknown, or the end date is not acceptable' }),
      },
    }),
  },
  '/tickets/{tracker}/{key}/waivers': {
    get: needsPermission('decisions:read', {
      operationId: 'listTicketWaivers',
      summary: "A ticket's waivers",
      description: "The ticket's waivers, active and expired.",
      requestParams: { path: ticketPathAnyKeySchema },
      responses: {
        200: { description: 'The waivers (an empty list when there are none).', content: { 'application/json': { schema: z.object({ tracker: z.string(), ticket: z.string(), waivers: z.array(waiverViewSchema) }) } } },
        404: errorResponse(['UNKNOWN_TRACKER'], 'The tracker is not registered'),
      },
    }),
  },
};
