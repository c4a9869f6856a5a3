import express, { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { principalOf } from '../auth/principal-of.js';
import { projectInScope } from '../auth/project-key.js';
import { parseProjectKeys } from '../auth/token-input.js';
import { registeredTrackerSchema } from '../trackers/registry.js';
import { errorResponse } from './openapi/error-response.js';
import { jsonBodyResponses } from './openapi/json-body-responses.js';
import { needsPermission } from './openapi/needs-permission.js';
import { parseRequestPart } from './parse-request-part.js';
import { parseRequestWhole } from './parse-request-whole.js';
import { presentWaiver, waiverViewSchema } from './present-waiver.js';
import { requireToken } from './require-token.js';
import { sendError } from './send-error.js';
import { tokenInputField } from './token-input-field.js';
import { projectOfWaiver, revokeWaiver } from './waiver-changes.js';
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
      const project = projectOfWaiver(waiver);
      return projectInScope(principal.projects, project, waiver.tracker) && (projects.length === 0 || projects.includes(project.toUpperCase()));
    });
    res.json({ waivers: waivers.map((w) => presentWaiver(w, at)) });
  });

  router.post('/waivers/:id/revoke', requireToken(deps.auth, 'waivers:write'), express.json({ limit: REVOKE_BODY_LIMIT }), async (req, res) => {
    const path = parseRequestPart(res, waiverRefPathSchema, req.params, { id: { status: 404, code: 'WAIVER_NOT_FOUND' } });
    if (!path) return;
    const body = parseRequestWhole(res, revokeSchema, req.body ?? {}, { code: 'INVALID_REVOCATION', part: 'body', hint: '; send {"reason": "..."}' });
    if (!body) return;
    const change = await revokeWaiver(deps, principalOf(res), path.id, body.reason, now());
    if ('refused' in change) {
      sendError(res, change.refused.status, change.refused.code, change.refused.message);
      return;
    }
    const answer: z.input<typeof waiverChangeSchema> = { waiver: presentWaiver(change.waiver, now()), reevaluation: change.reevaluation };
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
