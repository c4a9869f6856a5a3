import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { principalOf } from '../auth/principal-of.js';
import { verifyAuditLog } from '../audit/verify-audit-log.js';
import type { Database } from '../store/database.js';
import { errorResponse } from './openapi/error-response.js';
import { needsPermission } from './openapi/needs-permission.js';
import { parseRequestWhole } from './parse-request-whole.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { sendError } from './send-error.js';

const verifyQuerySchema = z
  .object({
    from: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, 'a sequence number (1 or more)')
      .meta({ description: 'The sequence number to start at. Absent: the oldest entry kept.' })
      .transform(Number)
      .optional(),
    prevHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits')
      .meta({ description: "The hash the first entry checked must follow, such as an archived export's head hash. Absent: the genesis hash or the entry before." })
      .optional(),
  })
  .strict();

const seq = z.number().int();

/** The chain's report as `donegate audit verify --json` prints it; typed so the report must fit what is described. */
const verifyReportSchema = z.object({
  ok: z.boolean().meta({ description: 'Whether every entry checked (and every row an entry vouches for) holds.' }),
  checked: z.number().int().meta({ description: 'Entries checked.' }),
  firstSeq: seq.optional(),
  lastSeq: seq.optional(),
  headHash: z.string().optional().meta({ description: 'The hash of the last entry checked: the prevHash to verify from it on later.' }),
  anchor: z.object({
    source: z.enum(['genesis', 'previous entry', 'given', 'unchecked']).meta({ description: 'Where the first entry checked got the prevHash it must carry; unchecked: nowhere, so the log is not verified.' }),
    prevHash: z.string().optional(),
  }),
  break: z.object({ seq, problem: z.string() }).optional().meta({ description: 'The first entry that breaks the chain, and how.' }),
  checkpoints: z.array(z.object({ origin: z.string(), seq, ok: z.boolean(), problem: z.string().optional() })).optional(),
  rows: z
    .object({
      checked: z.number().int(),
      problems: z.array(z.object({ seq, table: z.string(), id: z.string(), problem: z.string() })),
      unchained: z.record(z.string(), z.number().int()).meta({ description: 'Rows no entry vouches for, by table.' }),
    })
    .optional()
    .meta({ description: 'Decision, evidence and waiver rows compared with the hash their audit entry recorded.' }),
});

/**
 * `GET /api/v1/audit/verify?from=&prevHash=` (auditor or admin): recompute the audit log's hash chain in
 * the database, as `donegate audit verify --from --prev-hash` does, and answer its report (200 whether the
 * chain holds or not: `ok` says which). Signed checkpoint files stay with the CLI, which reads them locally.
 */
export function createAuditVerifyRoute(deps: { auth: RequireTokenDeps; db: Database }): Router {
  const router = Router();
  router.get('/audit/verify', requireToken(deps.auth, 'audit:read'), async (req, res) => {
    const principal = principalOf(res);
    if (principal.projects.length > 0) {
      // The chain spans every project, like an export.
      sendError(res, 403, 'FORBIDDEN_PROJECT', `token "${principal.name}" is limited to project(s) ${principal.projects.join(', ')}; verifying the whole log needs a token for every project`);
      return;
    }
    const query = parseRequestWhole(res, verifyQuerySchema, req.query, { code: 'INVALID_QUERY', part: 'query', hint: ' (allowed: from, prevHash)' });
    if (!query) return;
    const { from, prevHash } = query;
    const report: z.input<typeof verifyReportSchema> = await verifyAuditLog(deps.db, { ...(from !== undefined ? { fromSeq: from } : {}), ...(prevHash !== undefined ? { prevHash } : {}) });
    res.setHeader('cache-control', 'no-store');
    res.json(report);
  });
  return router;
}

export const auditVerifyPaths: ZodOpenApiPathsObject = {
  '/audit/verify': {
    get: needsPermission('audit:read', {
      operationId: 'verifyAuditLog',
      summary: "Verify the audit log's hash chain",
      description:
        'Recomputes the hash chain in the database, as `donegate audit verify --from --prev-hash` does (signed checkpoint files stay with the CLI). Needs a token for every project: the chain spans them all.',
      requestParams: { query: verifyQuerySchema },
      responses: {
        200: { description: 'The report, whether the chain holds or not: `ok` says which (`cache-control: no-store`).', content: { 'application/json': { schema: verifyReportSchema } } },
        400: errorResponse(['INVALID_QUERY'], 'from is not a sequence number, prevHash is not 64 lowercase hex digits, or the query has other keys'),
      },
    }),
  },
};
