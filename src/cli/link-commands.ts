import { Option, type Command } from 'commander';
import { ROLES } from '../domain/role.js';
import type { LinkCommandDeps, LinkOptions } from './run-link-create.js';

export type { LinkCommandDeps } from './run-link-create.js';

/**
 * `donegate link create`: a one-use sign-in link to the web app, for someone without single sign-on. On the
 * database directly, or with `--url` (or DONEGATE_URL) through a running service, as the token commands.
 * Its options and help here; what it runs (zod, the store) is in run-link-create.ts, loaded by the action.
 */
export function registerLinkCommands(program: Command, deps: LinkCommandDeps): void {
  const link = program
    .command('link')
    .description('sign-in links to the web app for people without single sign-on')
    .configureOutput({ writeOut: (text) => deps.out.write(text), writeErr: (text) => deps.err.write(text) });

  link
    .command('create')
    .description('print a link that signs one person in to /ui once, until it expires (only its sha256 is stored)')
    .addOption(new Option('--role <role>', 'what the person may do').choices(ROLES.filter((role) => role !== 'ci')).makeOptionMandatory())
    .requiredOption('--expires <lifetime>', 'how long it stays usable: 7d, 12h; at most 30d')
    .option('--projects <keys>', 'comma-separated project keys it is limited to, as for tokens; default: every project')
    .option('--name <name>', 'who it is for, as the pages show them, such as "Priya (PM)"')
    .option('--url <url>', 'act through a running donegate at this URL (default DONEGATE_URL), with the admin token in DONEGATE_TOKEN')
    .action(async (options: LinkOptions) => (await import('./run-link-create.js')).createLink(options, deps));
}
