import type { Command } from 'commander';
import type { WaiverCommandDeps, WaiverCreateOptions, WaiverListOptions } from './run-waiver-commands.js';

export type { WaiverCommandDeps } from './run-waiver-commands.js';

const URL_OPTION = ['--url <url>', 'the running donegate (default DONEGATE_URL); the token is read from DONEGATE_TOKEN'] as const;

/** What the commands run, with zod and the API client: loaded by an action, not by `--help`. */
const run = () => import('./run-waiver-commands.js');

/**
 * `donegate waiver create | list | revoke`: waivers are granted through the running service (it
 * re-evaluates the ticket), so these always call its API and say so when no URL is given.
 */
export function registerWaiverCommands(program: Command, deps: WaiverCommandDeps): void {
  const { out, err } = deps;
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
    .action(async (options: WaiverCreateOptions) => (await run()).createWaiver(options, deps));

  waiver
    .command('list')
    .description('waivers of the projects the token covers, newest first')
    .option('--status <status>', 'active or expired (expired includes revoked)')
    .option('--tracker <tracker>', 'only this tracker')
    .option('--project <keys>', 'only these project keys, comma-separated')
    .option('--json', 'one JSON array on stdout')
    .option(...URL_OPTION)
    .action(async (options: WaiverListOptions) => (await run()).listWaivers(options, deps));

  waiver
    .command('revoke')
    .description('withdraw a waiver before it expires; the ticket is re-evaluated')
    .argument('<id>', 'the waiver id (see donegate waiver list)')
    .requiredOption('--reason <text>', 'why it is withdrawn')
    .option(...URL_OPTION)
    .action(async (id: string, options: { reason: string; url?: string }) => (await run()).revokeWaiver(id, options, deps));
}
