import { Option, type Command } from 'commander';
import { ROLES, type Role } from '../domain/role.js';
import type { TokenCommandDeps } from './run-token-commands.js';

export type { TokenCommandDeps } from './run-token-commands.js';

const URL_OPTION = ['--url <url>', 'act through a running donegate at this URL (default DONEGATE_URL), with the admin token in DONEGATE_TOKEN'] as const;

/** What the commands run, with the token store, the audit log and zod: loaded by an action, not by `--help`. */
const run = () => import('./run-token-commands.js');

/**
 * `donegate token create | list | revoke`, on the database directly or, with `--url` (or DONEGATE_URL),
 * through a running service's API: a service on the embedded store owns its DATA_DIR. Same output and
 * exit codes either way. Usage errors commander detects throw CommanderError as usual.
 */
export function registerTokenCommands(program: Command, deps: TokenCommandDeps): void {
  const { out, err } = deps;
  const token = program
    .command('token')
    .description('API tokens for the /api/v1 routes: create, list, revoke')
    .configureOutput({ writeOut: (text) => out.write(text), writeErr: (text) => err.write(text) });

  token
    .command('create')
    .description('create a token and print it once on stdout (only its sha256 is stored)')
    .addOption(new Option('--role <role>', 'what the token may do').choices(ROLES).makeOptionMandatory())
    .requiredOption('--name <name>', 'a name unique among live tokens, such as ci-main')
    .option('--projects <keys>', 'comma-separated project keys it is limited to: ML (in every tracker), jira:ML or linear:ML (in that tracker only); default: every project')
    .option(...URL_OPTION)
    .action(async (options: { role: Role; name: string; projects?: string; url?: string }) => (await run()).createToken(options, deps));

  token
    .command('list')
    .description('list tokens: name, role, projects, prefix, created, last used, revoked (never the token)')
    .option('--json', 'one JSON array on stdout')
    .option(...URL_OPTION)
    .action(async (options: { json?: boolean; url?: string }) => (await run()).listTokens(options, deps));

  token
    .command('revoke')
    .description('revoke a live token by name or id; requests with it get 401 from then on')
    .argument('<nameOrId>', 'the token name or id (see donegate token list)')
    .option(...URL_OPTION)
    .action(async (nameOrId: string, options: { url?: string }) => (await run()).revokeToken(nameOrId, options, deps));
}
