import { z } from 'zod';
import type { VerifyReport } from '../audit/verify-audit-log.js';
import { callApi, serviceTarget, type ApiResult } from './api-client.js';

/** The report as `GET /api/v1/audit/verify` sends it; checked for the fields the CLI prints, the rest kept. */
const verifyReportSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number(),
    firstSeq: z.number().optional(),
    lastSeq: z.number().optional(),
    headHash: z.string().optional(),
    anchor: z.object({ source: z.enum(['genesis', 'previous entry', 'given', 'unchecked']), prevHash: z.string().optional() }),
    break: z.object({ seq: z.number(), problem: z.string() }).loose().optional(),
    rows: z.object({ checked: z.number(), problems: z.array(z.object({ problem: z.string() }).loose()), unchained: z.record(z.string(), z.number()) }).loose().optional(),
  })
  .loose();

/** `donegate audit verify --url`: the running service recomputes the chain in its database. */
export async function verifyThroughService(url: string, env: NodeJS.ProcessEnv, options: { from?: number; prevHash?: string }): Promise<ApiResult<VerifyReport>> {
  const target = serviceTarget(url, env);
  if ('problem' in target) return { ok: false, exitCode: 2, message: target.problem };
  const query = new URLSearchParams();
  if (options.from !== undefined) query.set('from', String(options.from));
  if (options.prevHash !== undefined) query.set('prevHash', options.prevHash);
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return callApi(target, 'GET', `audit/verify${suffix}`, verifyReportSchema as unknown as z.ZodType<VerifyReport>);
}
