import { Option, type Command } from 'commander';
import type { ApiTokenRecord } from '../auth/api-token.js';
import { toTokenListing } from '../auth/token-listing.js';
import { ROLES, type Role } from '../domain/index.js';
import { InvalidTokenInputError } from '../auth/token-errors.js';
import type { Database } from '../store/database.js';
import { serviceTarget, serviceUrlOf } from './api-client.js';
import { databaseTokenBackend, type Outcome, type TokenBackend } from './token-backend.js';

export interface TokenCommandDeps {
  /** A migrated database; closed after each command. */
  openDb: () => Promise<Database>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Exit codes: 0 ok, 1 not found or refused, 2 usage (bad role, empty or duplicate name) or network error. */
  setExitCode: (code: number) => void;
  /** Where `DONEGATE_URL` and `DONEGATE_TOKEN` are read; default none (the database). */
  env?: NodeJS.ProcessEnv;
}

const URL_OPTION = ['--url <url>', 'act through a running donegate at this URL (default DONEGATE_URL), with the admin token in DONEGATE_TOKEN'] as const;

/**
 * `donegate token create | list | revoke`, on the database directly or, with `--url` (or DONEGATE_URL),
 * through a running service's API: a service on the embedded store owns its DATA_DIR. Same output and
 * exit codes either way. Usage errors commander detects throw CommanderError as usual.
 */
export function registerTokenCommands(program: Command, deps: TokenCommandDeps): void {
  const { out, err, setExitCode } = deps;
  const env = deps.env ?? {};
  /** The backend for this invocation, or undefined after reporting why there is none (exit 2). */
  const backendFor = async (url: string | undefined): Promise<TokenBackend | undefined> => {
    const service = serviceUrlOf(url, env);
    if (service === undefined) return databaseTokenBackend(deps.openDb);
    const target = serviceTarget(service, env);
    if ('problem' in target) {
      fail({ ok: false, exitCode: 2, message: target.problem });
      return undefined;
    }
    return (await import('./token-api.js')).apiTokenBackend(target);
  };
  const fail = (outcome: Extract<Outcome<object>, { ok: false }>) => {
    err.write(`donegate: ${outcome.message}\n`);
    setExitCode(outcome.exitCode);
  };

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
    .action(async (options: { role: Role; name: string; projects?: string; url?: string }) => {
      // Checked before the database is opened or the service called: a usage error touches nothing.
      const { parseProjects, parseRole, parseTokenName } = await import('../auth/token-input.js');
      let input: { name: string; role: Role; projects: string[] };
      try {
        input = { name: parseTokenName(options.name), role: parseRole(options.role), projects: parseProjects(options.projects ?? []) };
      } catch (error) {
        if (!(error instanceof InvalidTokenInputError)) throw error;
        fail({ ok: false, exitCode: 2, message: error.message });
        return;
      }
      const backend = await backendFor(options.url);
      if (!backend) return;
      const created = await backend.create(input);
      if (!created.ok) return fail(created);
      out.write(`${created.token}\n`);
      err.write(`donegate: created token "${created.record.name}" (role ${created.record.role}, ${scope(created.record)}); copy it now, it cannot be shown again\n`);
    });

  token
    .command('list')
    .description('list tokens: name, role, projects, prefix, created, last used, revoked (never the token)')
    .option('--json', 'one JSON array on stdout')
    .option(...URL_OPTION)
    .action(async (options: { json?: boolean; url?: string }) => {
      const backend = await backendFor(options.url);
      if (!backend) return;
      const listed = await backend.list();
      if (!listed.ok) return fail(listed);
      if (options.json) {
        out.write(`${JSON.stringify(listed.records.map(toTokenListing), null, 2)}\n`);
        return;
      }
      if (listed.records.length === 0) {
        out.write('no tokens yet; create one with: donegate token create --role ci --name ci-main\n');
        return;
      }
      out.write(formatTable(listed.records));
    });

  token
    .command('revoke')
    .description('revoke a live token by name or id; requests with it get 401 from then on')
    .argument('<nameOrId>', 'the token name or id (see donegate token list)')
    .option(...URL_OPTION)
    .action(async (nameOrId: string, options: { url?: string }) => {
      const backend = await backendFor(options.url);
      if (!backend) return;
      const revoked = await backend.revoke(nameOrId);
      if (!revoked.ok) return fail(revoked);
      out.write(`revoked token "${revoked.record.name}" (${revoked.record.tokenPrefix}…, role ${revoked.record.role})\n`);
    });
}

const scope = (record: ApiTokenRecord): string => (record.projects.length === 0 ? 'every project' : `projects ${record.projects.join(', ')}`);
const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

function formatTable(records: ApiTokenRecord[]): string {
  const rows = [
    ['NAME', 'ROLE', 'PROJECTS', 'PREFIX', 'CREATED', 'LAST USED', 'REVOKED', 'ID'],
    ...records.map((r) => [
      r.name,
      r.role,
      r.projects.length === 0 ? '(all)' : r.projects.join(','),
      `${r.tokenPrefix}…`,
      iso(r.createdAt) ?? '',
      iso(r.lastUsedAt) ?? 'never',
      iso(r.revokedAt) ?? '-',
      r.id,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n') + '\n';
}
