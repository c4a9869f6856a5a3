import { Router } from 'express';
import { principalOf } from '../auth/index.js';
import { tokenActor } from '../audit/audit-events.js';
import type { ReloadPolicy } from '../policy/policy-reload-result.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';

export interface PolicyRouteDeps {
  auth: RequireTokenDeps;
  /** Reload this process's POLICY_FILE and ask every other process on the queue prefix to reload its own. */
  reloadPolicy: ReloadPolicy;
}

/**
 * `POST /admin/policy/reload` (admin): 200 with the old and new policy hash and rule count, or 422 with
 * the loader's problems while the policy in force stays. The answer is this process's result.
 */
export function createPolicyRoutes(deps: PolicyRouteDeps): Router {
  const router = Router();
  router.post('/admin/policy/reload', requireToken(deps.auth, 'policy:reload'), async (_req, res) => {
    const result = await deps.reloadPolicy({ via: 'api', actor: tokenActor(principalOf(res).name) });
    if (result.status === 'reloaded') {
      res.json(result);
      return;
    }
    res.status(422).json({
      error: { code: 'POLICY_INVALID', message: 'POLICY_FILE is not a valid policy; the policy in force is kept. Fix the problems listed, then reload again.', problems: result.problems },
      oldHash: result.oldHash,
    });
  });
  return router;
}
