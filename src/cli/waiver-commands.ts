import type { Command } from 'commander';
import { z } from 'zod';
import { callApi, serviceTarget, serviceUrlOf, type ApiResult, type ServiceTarget } from './api-client.js';

export interface WaiverCommandDeps {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** 0 ok, 1 refused or not found (401, 403, 404), 2 usage, no service given, or network error. */
  setExitCode: (code: number) => void;
  env: NodeJS.ProcessEnv;
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
const URL_OPTION = ['--url <url>', 'the running donegate (default DONEGATE_URL); the token is read from DONEGATE_TOKEN'] as const;

/**
 * `donegate waiver create | list | revoke`: waivers are granted through the running service (it
 * re-evaluates the ticket), so these always call its API and say so when no URL is given.
 */
export function registerWaiverCommands(program: Command, deps: WaiverCommandDeps): void {
  const { out, err, setExitCode } = deps;
  const withService = async <T>(url: string | undefined, call: (target: ServiceTarget) => Promise<ApiResult<T>>): Promise<T | undefined> => {
    const service = serviceUrlOf(url, deps.env);
    const target = service === undefined ? { problem: 'waivers are managed through the running service: pass --url or set DONEGATE_URL, with an approver or admin token in DONEGATE_TOKEN' } : serviceTarget(service, deps.env);
    const result: ApiResult<T> = 'problem' in target ? { ok: false, exitCode: 2, message: target.problem } : await call(target);
    if (result.ok) return result.body;
    err.write(`donegate: ${result.message}\n`);
    setExitCode(result.exitCode);
    return undefined;
  };

  const waiver = program
    .command('waiver')
    .description('waivers (accepted risks) on a running donegate: create, list, revoke')
    .configureOutput({ writeOut: (text) => out.write(text), writeErr: (text) => err.write(text) });

  waiver
    .command('create')
    .description("accept a risk on a ticket's criterion (or some advisories) until a date; the ticket is re-evaluated")
    .requiredOption('--tracker <tracker>', "the ticket's tracker")
    .requiredOption('--ticket <key>', 'ticket key, e.g. ML-142')
    .requiredOption('--criterion <id>', 'criterion id, e.g. dependency-audit')
    .option('--advisories <ids>', 'comma-separated advisory ids it covers; default the whole criterion')
    .requiredOption('--reason <text>', 'why the risk is accepted')
    .requiredOption('--expires <YYYY-MM-DD>', 'the last day it counts (UTC), within the policy\'s waivers.maxDays')
    .option(...URL_OPTION)
    .action(async (options: { tracker: string; ticket: string; criterion: string; advisories?: string; reason: string; expires: string; url?: string }) => {
      const { url, advisories, ...fields } = options;
      const body = { ...fields, advisories: (advisories ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '') };
      const answer = await withService(url, (target) => callApi(target, 'POST', 'waivers', z.object({ waiver: waiverSchema, reevaluation: z.string() }), body));
      if (!answer) return;
      out.write(`${answer.waiver.id}\n`);
      err.write(`donegate: waived ${describe(answer.waiver)}; ${answer.reevaluation === 'queued' ? 'the ticket is being re-evaluated' : 'the ticket is evaluated on its next move'}\n`);
    });

  waiver
    .command('list')
    .description('waivers of the projects the token covers, newest first')
    .option('--status <status>', 'active or expired (expired includes revoked)')
    .option('--tracker <tracker>', 'only this tracker')
    .option('--project <keys>', 'only these project keys, comma-separated')
    .option('--json', 'one JSON array on stdout')
    .option(...URL_OPTION)
    .action(async (options: { status?: string; tracker?: string; project?: string; json?: boolean; url?: string }) => {
      const query = new URLSearchParams();
      for (const key of ['status', 'tracker', 'project'] as const) if (options[key] !== undefined) query.set(key, options[key]);
      const suffix = query.size > 0 ? `?${query.toString()}` : '';
      const answer = await withService(options.url, (target) => callApi(target, 'GET', `waivers${suffix}`, z.object({ waivers: z.array(waiverSchema) })));
      if (!answer) return;
      if (options.json) out.write(`${JSON.stringify(answer.waivers, null, 2)}\n`);
      else if (answer.waivers.length === 0) out.write('no waivers\n');
      else for (const w of answer.waivers) out.write(`${w.id}  ${w.status.padEnd(7)}  ${describe(w)}\n`);
    });

  waiver
    .command('revoke')
    .description('withdraw a waiver before it expires; the ticket is re-evaluated')
    .argument('<id>', 'the waiver id (see donegate waiver list)')
    .requiredOption('--reason <text>', 'why it is withdrawn')
    .option(...URL_OPTION)
    .action(async (id: string, options: { reason: string; url?: string }) => {
      const answer = await withService(options.url, (target) =>
        callApi(target, 'POST', `waivers/${encodeURIComponent(id)}/revoke`, z.object({ waiver: waiverSchema }), { reason: options.reason }),
      );
      if (answer) out.write(`revoked waiver ${answer.waiver.id} (${describe(answer.waiver)})\n`);
    });
}

function describe(w: WaiverView): string {
  const scope = w.advisories.length > 0 ? ` (${w.advisories.join(', ')})` : '';
  return `${w.tracker} ${w.ticket} ${w.criterion}${scope} by ${w.approver} until ${w.expiresAt.slice(0, 10)}: ${w.reason}`;
}
