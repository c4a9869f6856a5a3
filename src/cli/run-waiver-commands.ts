// What the waiver commands run, loaded by their actions in waiver-commands.ts: the API client and zod.
import { z } from 'zod';
import { callApi, serviceTarget, serviceUrlOf, type ApiResult, type ServiceTarget } from './api-client.js';

export interface WaiverCommandDeps {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** 0 ok, 1 refused or not found (401, 403, 404), 2 usage, no service given, or network error. */
  setExitCode: (code: number) => void;
  env: NodeJS.ProcessEnv;
}

export interface WaiverCreateOptions {
  tracker: string;
  ticket: string;
  criterion: string;
  advisories?: string;
  reason: string;
  expires: string;
  url?: string;
}

export interface WaiverListOptions {
  status?: string;
  tracker?: string;
  project?: string;
  json?: boolean;
  url?: string;
}

const waiverSchema = z
  .object({
    id: z.string(),
    tracker: z.string(),
    ticket: z.string(),
    criterion: z.string(),
    advisories: z.array(z.string()),
    reason: z.string(),
    approver: z.string(),
    expiresAt: z.string(),
    status: z.string(),
  })
  .loose();
type WaiverView = z.infer<typeof waiverSchema>;

/** The service's answer, or undefined after printing why there is none (and setting the exit code). */
async function withService<T>(deps: WaiverCommandDeps, url: string | undefined, call: (target: ServiceTarget) => Promise<ApiResult<T>>): Promise<T | undefined> {
  const service = serviceUrlOf(url, deps.env);
  const target = service === undefined ? { problem: 'waivers are managed through the running service: pass --url or set DONEGATE_URL, with an approver or admin token in DONEGATE_TOKEN' } : serviceTarget(service, deps.env);
  const result: ApiResult<T> = 'problem' in target ? { ok: false, exitCode: 2, message: target.problem } : await call(target);
  if (result.ok) return result.body;
  deps.err.write(`donegate: ${result.message}\n`);
  deps.setExitCode(result.exitCode);
  return undefined;
}

/** `donegate waiver create`. */
export async function createWaiver(options: WaiverCreateOptions, deps: WaiverCommandDeps): Promise<void> {
  const { url, advisories, ...fields } = options;
  const body = { ...fields, advisories: (advisories ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '') };
  const answer = await withService(deps, url, (target) => callApi(target, 'POST', 'waivers', z.object({ waiver: waiverSchema, reevaluation: z.string() }), body));
  if (!answer) return;
  deps.out.write(`${answer.waiver.id}\n`);
  deps.err.write(`donegate: waived ${describe(answer.waiver)}; ${answer.reevaluation === 'queued' ? 'the ticket is being re-evaluated' : 'the ticket is evaluated on its next move'}\n`);
}

/** `donegate waiver list`. */
export async function listWaivers(options: WaiverListOptions, deps: WaiverCommandDeps): Promise<void> {
  const query = new URLSearchParams();
  for (const key of ['status', 'tracker', 'project'] as const) if (options[key] !== undefined) query.set(key, options[key]);
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  const answer = await withService(deps, options.url, (target) => callApi(target, 'GET', `waivers${suffix}`, z.object({ waivers: z.array(waiverSchema) })));
  if (!answer) return;
  if (options.json) deps.out.write(`${JSON.stringify(answer.waivers, null, 2)}\n`);
  else if (answer.waivers.length === 0) deps.out.write('no waivers\n');
  else for (const w of answer.waivers) deps.out.write(`${w.id}  ${w.status.padEnd(7)}  ${describe(w)}\n`);
}

/** `donegate waiver revoke`. */
export async function revokeWaiver(id: string, options: { reason: string; url?: string }, deps: WaiverCommandDeps): Promise<void> {
  const answer = await withService(deps, options.url, (target) =>
    callApi(target, 'POST', `waivers/${encodeURIComponent(id)}/revoke`, z.object({ waiver: waiverSchema }), { reason: options.reason }),
  );
  if (answer) deps.out.write(`revoked waiver ${answer.waiver.id} (${describe(answer.waiver)})\n`);
}

function describe(w: WaiverView): string {
  const scope = w.advisories.length > 0 ? ` (${w.advisories.join(', ')})` : '';
  return `${w.tracker} ${w.ticket} ${w.criterion}${scope} by ${w.approver} until ${w.expiresAt.slice(0, 10)}: ${w.reason}`;
}
