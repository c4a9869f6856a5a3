import { Router } from 'express';
import { z } from 'zod';
import { principalOf } from '../auth/principal-of.js';
import { verifyAuditLog } from '../audit/verify-audit-log.js';
import type { Database } from '../store/database.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { sendError } from './send-error.js';

const verifyQuerySchema = z
  .object({
    from: z.string().regex(/^[1-9]\d{0,15}$/, 'a sequence number (1 or more)').transform(Number).optional(),
    prevHash: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits').optional(),
  })
  .strict();

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
    const parsed = verifyQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      sendError(res, 400, 'INVALID_QUERY', `${issue.path.join('.') || 'query'}: ${issue.message} (allowed: from, prevHash)`);
      return;
    }
    const { from, prevHash } = parsed.data;
    const report = await verifyAuditLog(deps.db, { ...(from !== undefined ? { fromSeq: from } : {}), ...(prevHash !== undefined ? { prevHash } : {}) });
    res.setHeader('cache-control', 'no-store');
    res.json(report);
  });
  return router;
}
