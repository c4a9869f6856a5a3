import express, { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { waiverRevokedEvent } from '../audit/audit-events.js';
import { principalOf } from '../auth/principal-of.js';
import { projectInScope, projectKeyOf } from '../auth/project-key.js';
import { parseProjectKeys } from '../auth/token-input.js';
import { findTrackerPlugin, registeredTrackerSchema } from '../trackers/registry.js';
import type { Waiver } from '../waivers/waiver.js';
import { errorResponse } from './openapi/error-response.js';
import { jsonBodyResponses } from './openapi/json-body-responses.js';
import { needsPermission } from './openapi/needs-permission.js';
import { parseRequestPart } from './parse-request-part.js';
import { parseRequestWhole } from './parse-request-whole.js';
import { presentWaiver, waiverViewSchema } from './present-waiver.js';
import { requireToken } from './require-token.js';
import { sendError } from './send-error.js';
import { tokenInputField } from './token-input-field.js';
import { waiverChangeSchema, type WaiverRouteDeps } from './waiver-routes.js';

const listQuerySchema = z
  .object({
    status: z.enum(['active', 'expired']).optional().meta({ description: 'active: counting now; expired: expired or revoked. Absent: both.' }),
    tracker: registeredTrackerSchema.optional(),
    project: z
      .string()
      .max(1000)
      .meta({ description: 'Project keys, comma-separated, such as ML,AI. Absent: every project the token covers.' })
      .default('')
      .transform(tokenInputField(parseProjectKeys)),
  })
  .strict();

const REVOKE_BODY_LIMIT = '16kb';

const revokeSchema = z.object({ reason: z.string().trim().min(1, 'say why the waiver is withdrawn').max(2000).meta({ description: 'Why the waiver is withdrawn; kept in the audit log.' }) }).strict();

/** `:id` of `POST /api/v1/waivers/:id/revoke`. */
const waiverRefPathSchema = z.object({ id: z.string().meta({ description: "The waiver's id, as GET /waivers lists them." }) });

/** The project of a waiver's ticket, as its tracker reads keys. */
const projectOf = (waiver: Waiver): string => findTrackerPlugin(waiver.tracker)?.projectOfKey(waiver.ticketKey) ?? projectKeyOf(waiver.ticketKey) ?? '';

/**
 * `GET /api/v1/waivers?status=active|expired&tracker=&project=` (approver, auditor or admin): waivers across
 * tickets, newest first, only of the projects the token covers (`expired` includes revoked ones).
 * `POST /api/v1/waivers/:id/revoke` `{reason}` (approver or admin): withdraw a waiver before it expires. The
 * waivers table is append-only, so this records a revocation row and a `waiver-revoked` entry, then
 * re-evaluates the ticket as creating a waiver does.
 */
export function createWaiverAdminRoutes(deps: WaiverRouteDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.get('/waivers', requireToken(deps.auth, 'waivers:read'), async (req, res) => {
    const query = parseRequestWhole(res, listQuerySchema, req.query, { code: 'INVALID_QUERY', part: 'query', hint: ' (allowed: status=active|expired, tracker, project)' });
    if (!query) return;
    const { status, tracker, project: projects } = query;
    const principal = principalOf(res);
    const at = now();
    const waivers = (await deps.waivers.list({ now: at, ...(tracker ? { tracker } : {}), ...(status ? { status: status === 'active' ? 'active' : 'inactive' } : {}) })).filter((waiver) => {
      const project = projectOf(waiver);
      return projectInScope(principal.projects, project, waiver.tracker) && (projects.length === 0 || projects.includes(project.toUpperCase()));
    });
    res.json({ waivers: waivers.map((w) => presentWaiver(w, at)) });
  });

  router.post('/waivers/:id/revoke', requireToken(deps.auth, 'waivers:write'), express.json({ limit: REVOKE_BODY_LIMIT }), async (req, res) => {
    const path = parseRequestPart(res, waiverRefPathSchema, req.params, { id: { status: 404, code: 'WAIVER_NOT_FOUND' } });
    if (!path) return;
    const body = parseRequestWhole(res, revokeSchema, req.body ?? {}, { code: 'INVALID_REVOCATION', part: 'body', hint: '; send {"reason": "..."}' });
    if (!body) return;
    const { id } = path;
    const principal = principalOf(res);
    const notFound = () => sendError(res, 404, 'WAIVER_NOT_FOUND', `no waiver with id "${id.slice(0, 100)}"; GET /api/v1/waivers lists them`);
    const waiver = await deps.waivers.find(id);
    // A waiver outside the token's projects is answered as missing: its existence is not the caller's to learn.
    if (!waiver || !projectInScope(principal.projects, projectOf(waiver), waiver.tracker)) {
      notFound();
      return;
    }
    if (waiver.expiresAt.getTime() <= now().getTime()) {
      sendError(res, 409, 'WAIVER_EXPIRED', `the waiver ${waiver.id} expired on ${waiver.expiresAt.toISOString().slice(0, 10)}; it no longer counts, so there is nothing to revoke`);
      return;
    }
    const outcome = await deps.waivers.revoke(waiver.id, principal.name, body.reason);
    if (outcome.status === 'not-found') {
      notFound();
      return;
    }
    if (outcome.status === 'already-revoked') {
      sendError(res, 409, 'WAIVER_REVOKED', `the waiver ${waiver.id} was already revoked by ${outcome.waiver.revoked?.by ?? 'someone'}`);
      return;
    }
    const revoked = outcome.waiver;
    await deps.audit.append(waiverRevokedEvent({ ...revoked, revoked: revoked.revoked! }));
    let reevaluation: 'queued' | 'not-queued' = 'queued';
    try {
      await deps.enqueueReevaluation({ tracker: revoked.tracker, ticketKey: revoked.ticketKey, triggerId: `waiver-revoked:${revoked.id}`, reason: `re-evaluated after ${principal.name} revoked a waiver of ${revoked.criterion}` });
    } catch {
      reevaluation = 'not-queued';
    }
    const answer: z.input<typeof waiverChangeSchema> = { waiver: presentWaiver(revoked, now()), reevaluation };
    res.json(answer);
  });
  return router;
}

export const waiverAdminPaths: ZodOpenApiPathsObject = {
  '/waivers': {
    get: needsPermission('waivers:read', {
      operationId: 'listWaivers',
      summary: 'Waivers across tickets',
      description: "Waivers of every ticket, newest first, only of the projects the token covers (a scoped token sees its projects' waivers, and no others).",
      requestParams: { query: listQuerySchema },
      responses: {
        200: { description: 'The waivers (an empty list when none match).', content: { 'application/json': { schema: z.object({ waivers: z.array(waiverViewSchema) }) } } },
        400: errorResponse(['INVALID_QUERY'], 'A query value is not acceptable, or the query has other keys'),
      },
    }),
  },
  '/waivers/{id}/revoke': {
    post: needsPermission('waivers:write', {
      operationId: 'revokeWaiver',
      summary: 'Withdraw a waiver before it expires',
      description: 'Records a revocation (the waiver itself is kept), logs `waiver-revoked` in the audit log, and queues a re-evaluation of the ticket.',
      requestParams: { path: waiverRefPathSchema },
      requestBody: { required: true, content: { 'application/json': { schema: revokeSchema } } },
      responses: {
        200: { description: 'The waiver, now revoked.', content: { 'application/json': { schema: waiverChangeSchema } } },
        ...jsonBodyResponses(REVOKE_BODY_LIMIT, { codes: ['INVALID_REVOCATION'], when: 'The body has no reason, or other fields' }),
        404: errorResponse(['WAIVER_NOT_FOUND'], "No waiver has this id among the token's projects"),
        409: errorResponse(['WAIVER_EXPIRED', 'WAIVER_REVOKED'], 'The waiver has expired, or was revoked already'),
      },
    }),
  },
};
