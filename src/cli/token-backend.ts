import { tokenEvent } from '../audit/audit-events.js';
import { createAuditLog } from '../audit/audit-log.js';
import type { ApiTokenRecord } from '../auth/api-token.js';
import type { Role } from '../domain/index.js';
import { DuplicateTokenNameError, InvalidTokenInputError } from '../auth/token-errors.js';
import type { TokenRepository } from '../auth/token-repository.js';
import type { Database } from '../store/database.js';

export type Outcome<T> = ({ ok: true } & T) | { ok: false; exitCode: 1 | 2; message: string };

export interface TokenInput {
  name: string;
  role: Role;
  projects: string[];
}

/** Where the token commands act: the database directly, or a running service's API. Both audit the change. */
export interface TokenBackend {
  create(input: TokenInput): Promise<Outcome<{ token: string; record: ApiTokenRecord }>>;
  list(): Promise<Outcome<{ records: ApiTokenRecord[] }>>;
  revoke(nameOrId: string): Promise<Outcome<{ record: ApiTokenRecord }>>;
}

/**
 * The database itself (no service holds it), the operator's doing as `cli`. The repository loads inside:
 * it pulls in the tracker registry, which `--help` and the other commands should not wait for.
 */
export function databaseTokenBackend(openDb: () => Promise<Database>): TokenBackend {
  const withTokens = async <T>(work: (tokens: TokenRepository, db: Database) => Promise<T>): Promise<T> => {
    const { createTokenRepository } = await import('../auth/token-repository.js');
    const db = await openDb();
    try {
      return await work(createTokenRepository(db), db);
    } finally {
      await db.close();
    }
  };
  return {
    create: (input) =>
      withTokens(async (tokens, db) => {
        try {
          const created = await tokens.create({ ...input, createdBy: 'cli' });
          await createAuditLog(db).append(tokenEvent('token-created', created.record, 'cli'));
          return { ok: true, ...created };
        } catch (error) {
          if (error instanceof DuplicateTokenNameError || error instanceof InvalidTokenInputError) return { ok: false, exitCode: 2, message: error.message };
          throw error;
        }
      }),
    list: () => withTokens(async (tokens) => ({ ok: true, records: await tokens.list() })),
    revoke: (nameOrId) =>
      withTokens(async (tokens, db) => {
        const record = await tokens.revoke(nameOrId);
        if (!record) return { ok: false, exitCode: 1, message: `no live token named or with id "${nameOrId}"; donegate token list shows them` };
        await createAuditLog(db).append(tokenEvent('token-revoked', record, 'cli'));
        return { ok: true, record };
      }),
  };
}
