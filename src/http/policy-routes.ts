import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { principalOf } from '../auth/index.js';
import { tokenActor } from '../audit/audit-events.js';
import type { ReloadPolicy } from '../policy/policy-reload-result.js';
import { needsPermission } from './openapi/needs-permission.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { apiErrorSchema } from './send-error.js';

export interface PolicyRouteDeps {
  auth: RequireTokenDeps;
  /** Reload this process's POLICY_FILE and ask every other process on the queue prefix to reload its own. */
  reloadPolicy: ReloadPolicy;
}

const policyHash = (which: string) => z.string().meta({ description: `sha256 of the ${which} policy file's bytes, as decisions record it.` });

const policyReloadedSchema = z.object({ status: z.literal('reloaded'), oldHash: policyHash('old'), newHash: policyHash('new'), rules: z.number().int().meta({ description: 'Rules in the new policy.' }) });

/** The error shape, with the loader's problems, and the hash of the policy that stays in force. */
const policyInvalidSchema = z.object({
  error: apiErrorSchema.shape.error.extend({ problems: z.array(z.string()).meta({ description: "The loader's problems with POLICY_FILE, each naming where and what to fix." }) }),
  oldHash: policyHash('kept'),
});

/**
 * `POST /admin/policy/reload` (admin): 200 with the old and new policy hash and rule count, or 422 with
 * the loader's problems while the policy in force stays. The answer is this process's result.
 */
export function createPolicyRoutes(deps: PolicyRouteDeps): Router {
  const router = Router();
  router.post('/admin/policy/reload', requireToken(deps.auth, 'policy:reload'), async (_req, res) => {
    const result = await deps.reloadPolicy({ via: 'api', actor: tokenActor(principalOf(res).name) });
    if (result.status === 'reloaded') {
      const answer: z.input<typeof policyReloadedSchema> = result;
      res.json(answer);
      return;
    }
    const refusal: z.input<typeof policyInvalidSchema> = {
      error: { code: 'POLICY_INVALID', message: 'POLICY_FILE is not a valid policy; the policy in force is kept. Fix the problems listed, then reload again.', problems: result.problems },
      oldHash: result.oldHash,
    };
    res.status(422).json(refusal);
  });
  return router;
}

export const policyPaths: ZodOpenApiPathsObject = {
  '/admin/policy/reload': {
    post: needsPermission('policy:reload', {
      operationId: 'reloadPolicy',
      summary: 'Reload POLICY_FILE',
      description:
        'Re-reads POLICY_FILE in this process and asks every other process on the queue prefix to re-read its own (as SIGHUP does for one process); the next decision uses the new policy. Recorded in the audit log as `policy-reloaded`. The answer is this process\'s result.',
      responses: {
        200: { description: 'The new policy is in force.', content: { 'application/json': { schema: policyReloadedSchema } } },
        422: { description: 'POLICY_FILE is not a valid policy (POLICY_INVALID); the policy in force is kept.', content: { 'application/json': { schema: policyInvalidSchema } } },
      },
    }),
  },
};
