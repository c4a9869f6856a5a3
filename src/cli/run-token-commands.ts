// What a token command runs, loaded by its action in token-commands.ts: the token store, the audit log, the API client.
import type { ApiTokenRecord } from '../auth/api-token.js';
import { toTokenListing } from '../auth/token-listing.js';
import type { Role } from '../domain/role.js';
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

const fail = (deps: TokenCommandDeps, outcome: Extract<Outcome<object>, { ok: false }>) => {
  deps.err.write(`donegate: ${outcome.message}\n`);
  deps.setExitCode(outcome.exitCode);
};

/** The backend for this invocation, or undefined after reporting why there is none (exit 2). */
async function backendFor(deps: TokenCommandDeps, url: string | undefined): Promise<TokenBackend | undefined> {
  const env = deps.env ?? {};
  const service = serviceUrlOf(url, env);
  if (service === undefined) return databaseTokenBackend(deps.openDb);
  const target = serviceTarget(service, env);
  if ('problem' in target) {
    fail(deps, { ok: false, exitCode: 2, message: target.problem });
    return undefined;
  }
  return (await import('./token-api.js')).apiTokenBackend(target);
}

/** `donegate token create`. */
export async function createToken(options: { role: Role; name: string; projects?: string; url?: string }, deps: TokenCommandDeps): Promise<void> {
  // Checked before the database is opened or the service called: a usage error touches nothing.
  const { parseProjects, parseRole, parseTokenName } = await import('../auth/token-input.js');
  let input: { name: string; role: Role; projects: string[] };
  try {
    input = { name: parseTokenName(options.name), role: parseRole(options.role), projects: parseProjects(options.projects ?? []) };
  } catch (error) {
    if (!(error instanceof InvalidTokenInputError)) throw error;
    fail(deps, { ok: false, exitCode: 2, message: error.message });
    return;
  }
  const backend = await backendFor(deps, options.url);
  if (!backend) return;
  const created = await backend.create(input);
  if (!created.ok) return fail(deps, created);
  deps.out.write(`${created.token}\n`);
  deps.err.write(`donegate: created token "${created.record.name}" (role ${created.record.role}, ${scope(created.record)}); copy it now, it cannot be shown again\n`);
}

/** `donegate token list`. */
export async function listTokens(options: { json?: boolean; url?: string }, deps: TokenCommandDeps): Promise<void> {
  const backend = await backendFor(deps, options.url);
  if (!backend) return;
  const listed = await backend.list();
  if (!listed.ok) return fail(deps, listed);
  if (options.json) {
    deps.out.write(`${JSON.stringify(listed.records.map(toTokenListing), null, 2)}\n`);
    return;
  }
  if (listed.records.length === 0) {
    deps.out.write('no tokens yet; create one with: donegate token create --role ci --name ci-main\n');
    return;
  }
  deps.out.write(formatTable(listed.records));
}

/** `donegate token revoke`. */
export async function revokeToken(nameOrId: string, options: { url?: string }, deps: TokenCommandDeps): Promise<void> {
  const backend = await backendFor(deps, options.url);
  if (!backend) return;
  const revoked = await backend.revoke(nameOrId);
  if (!revoked.ok) return fail(deps, revoked);
  deps.out.write(`revoked token "${revoked.record.name}" (${revoked.record.tokenPrefix}…, role ${revoked.record.role})\n`);
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
