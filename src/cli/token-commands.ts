import { Option, type Command } from 'commander';
import { tokenEvent } from '../audit/audit-events.js';
import { createAuditLog, type AuditLog } from '../audit/audit-log.js';
import type { ApiTokenRecord } from '../auth/api-token.js';
import { ROLES, type Role } from '../domain/index.js';
import { DuplicateTokenNameError, InvalidTokenInputError } from '../auth/token-errors.js';
import type { TokenRepository } from '../auth/token-repository.js';
import type { Database } from '../store/database.js';

export interface TokenCommandDeps {
  /** A migrated database; closed after each command. */
  openDb: () => Promise<Database>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Exit codes: 0 ok, 1 not found or refused, 2 usage (bad role, empty or duplicate name). */
  setExitCode: (code: number) => void;
}

// The token input parsers and the repository load inside the actions: they pull in the tracker registry
// (every plugin), which `--help` and the other commands should not wait for.

/**
 * `donegate token create | list | revoke`. Usage errors commander detects (missing or invalid options)
 * throw CommanderError as usual; outcomes the database decides go through `setExitCode`.
 */
export function registerTokenCommands(program: Command, deps: TokenCommandDeps): void {
  const { out, err, setExitCode } = deps;
  // Tokens made or revoked here are appended to the audit log as the operator's (`cli`) doing.
  const withTokens = async (work: (tokens: TokenRepository, audit: AuditLog) => Promise<void>): Promise<void> => {
    const { createTokenRepository } = await import('../auth/token-repository.js');
    const db = await deps.openDb();
    try {
      await work(createTokenRepository(db), createAuditLog(db));
    } finally {
      await db.close();
    }
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
    .action(async (options: { role: Role; name: string; projects?: string }) => {
      // Checked before the database is opened: a usage error touches nothing.
      const { parseProjects, parseRole, parseTokenName } = await import('../auth/token-input.js');
      let input: { name: string; role: Role; projects: string[] };
      try {
        input = { name: parseTokenName(options.name), role: parseRole(options.role), projects: parseProjects(options.projects ?? []) };
      } catch (error) {
        if (!(error instanceof InvalidTokenInputError)) throw error;
        err.write(`donegate: ${error.message}\n`);
        setExitCode(2);
        return;
      }
      await withTokens(async (tokens, audit) => {
        try {
          const { token: secret, record } = await tokens.create({
            ...input,
            createdBy: 'cli',
          });
          await audit.append(tokenEvent('token-created', record, 'cli'));
          out.write(`${secret}\n`);
          err.write(
            `donegate: created token "${record.name}" (role ${record.role}, ${scope(record)}); copy it now, it cannot be shown again\n`,
          );
        } catch (error) {
          if (error instanceof DuplicateTokenNameError || error instanceof InvalidTokenInputError) {
            err.write(`donegate: ${error.message}\n`);
            setExitCode(2);
            return;
          }
          throw error;
        }
      });
    });

  token
    .command('list')
    .description('list tokens: name, role, projects, prefix, created, last used, revoked (never the token)')
    .option('--json', 'one JSON array on stdout')
    .action(async (options: { json?: boolean }) => {
      await withTokens(async (tokens) => {
        const records = await tokens.list();
        if (options.json) {
          out.write(`${JSON.stringify(records.map(toListing), null, 2)}\n`);
          return;
        }
        if (records.length === 0) {
          out.write('no tokens yet; create one with: donegate token create --role ci --name ci-main\n');
          return;
        }
        out.write(formatTable(records));
      });
    });

  token
    .command('revoke')
    .description('revoke a live token by name or id; requests with it get 401 from then on')
    .argument('<nameOrId>', 'the token name or id (see donegate token list)')
    .action(async (nameOrId: string) => {
      await withTokens(async (tokens, audit) => {
        const record = await tokens.revoke(nameOrId);
        if (!record) {
          err.write(`donegate: no live token named or with id "${nameOrId}"; donegate token list shows them\n`);
          setExitCode(1);
          return;
        }
        await audit.append(tokenEvent('token-revoked', record, 'cli'));
        out.write(`revoked token "${record.name}" (${record.tokenPrefix}…, role ${record.role})\n`);
      });
    });
}

const scope = (record: ApiTokenRecord): string => (record.projects.length === 0 ? 'every project' : `projects ${record.projects.join(', ')}`);
const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

function toListing(record: ApiTokenRecord) {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    projects: record.projects,
    prefix: record.tokenPrefix,
    createdAt: iso(record.createdAt),
    createdBy: record.createdBy,
    lastUsedAt: iso(record.lastUsedAt),
    revokedAt: iso(record.revokedAt),
  };
}

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
