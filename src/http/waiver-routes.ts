import express, { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { principalOf, projectInScope, projectKeyOf } from '../auth/index.js';
import { requireToken, TICKET_ROUTE_SCOPE, type RequireTokenDeps } from './require-token.js';
import { waiverCreatedEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { Policy } from '../policy/policy.js';
import type { EnqueueReevaluation } from '../queue/enqueue-reevaluation.js';
import type { WaiverRepository } from '../waivers/waiver-repository.js';
import { waiverExpiry, waiverRequestSchema } from '../waivers/waiver-request.js';
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

export interface WaiverRouteDeps {
  auth: RequireTokenDeps;
  waivers: WaiverRepository;
  registry: CriterionRegistry;
  policy: () => Policy;
  enqueueReevaluation: EnqueueReevaluation;
  audit: AuditLog;
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
    const principal = principalOf(res);
    const project = projectKeyOf(request.ticket)!;
    if (!projectInScope(principal.projects, project, request.tracker)) {
      sendError(res, 403, 'FORBIDDEN_PROJECT', `token "${principal.name}" is limited to project(s) ${principal.projects.join(', ')} and cannot waive for ${request.tracker} ${request.ticket.toUpperCase()}`);
      return;
    }
    if (!deps.registry.has(request.criterion)) {
      sendError(res, 400, 'INVALID_WAIVER', `criterion: unknown criterion "${request.criterion}"; known criteria: ${[...deps.registry.keys()].join(', ')}`);
      return;
    }
    const expiry = waiverExpiry(request.expires, now(), deps.policy().waivers.maxDays);
    if ('problem' in expiry) {
      sendError(res, 400, 'INVALID_WAIVER', `expires: ${expiry.problem}`);
      return;
    }
    const waiver = await deps.waivers.add({
      tracker: request.tracker,
      ticketKey: request.ticket.toUpperCase(),
      criterion: request.criterion,
      advisories: request.advisories,
      reason: request.reason,
      approver: principal.name,
      approvedVia: 'api',
      expiresAt: expiry.expiresAt,
    });
    await deps.audit.append(waiverCreatedEvent(waiver));
    let reevaluation: 'queued' | 'not-queued' = 'queued';
    try {
      await deps.enqueueReevaluation({ tracker: waiver.tracker, ticketKey: waiver.ticketKey, triggerId: `waiver:${waiver.id}`, reason: `re-evaluated after a waiver of ${waiver.criterion} by ${waiver.approver}` });
    } catch {
      reevaluation = 'not-queued';
    }
    const answer: z.input<typeof waiverChangeSchema> = { waiver: presentWaiver(waiver, now()), reevaluation };
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
