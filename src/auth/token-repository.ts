import type { Database } from '../store/database.js';
import type { ApiTokenRecord, NewApiToken } from './api-token.js';
import type { Role } from '../domain/index.js';
import { DuplicateTokenNameError } from './token-errors.js';
import { parseProjects, parseRole, parseTokenName } from './token-input.js';
import { generateToken, hashToken, looksLikeToken, tokenPrefix } from './token-secret.js';

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  projects: string[];
  token_prefix: string;
  created_at: Date | string;
  created_by: string | null;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

/** Every column but `token_hash`, which never leaves the database. */
const COLUMNS = 'id, name, role, projects, token_prefix, created_at, created_by, last_used_at, revoked_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CreatedToken {
  /** The token itself. This is the only time it exists outside the caller: show it once, then drop it. */
  token: string;
  record: ApiTokenRecord;
}

export interface TokenRepository {
  /** @throws DuplicateTokenNameError when a live token has the name; InvalidTokenInputError for a bad name, role or project. */
  create(input: NewApiToken): Promise<CreatedToken>;
  /** Every token, revoked ones included, oldest first. */
  list(): Promise<ApiTokenRecord[]>;
  /** Revokes the live token with this id or name; undefined when there is none. */
  revoke(idOrName: string): Promise<ApiTokenRecord | undefined>;
  /** The live token's record; undefined for anything malformed, unknown or revoked. */
  authenticate(token: string): Promise<ApiTokenRecord | undefined>;
}

export interface TokenRepositoryOptions {
  /**
   * `last_used_at` is written at most this often per token (default one minute), so a busy CI token
   * costs one write a minute rather than one per request.
   */
  touchEverySeconds?: number;
}

/**
 * Tokens in the `api_tokens` table.
 * @example
 * const tokens = createTokenRepository(db);
 * const { token } = await tokens.create({ name: 'ci-main', role: 'ci', projects: ['ML'] });
 * (await tokens.authenticate(token))?.role // 'ci'
 */
export function createTokenRepository(db: Database, options: TokenRepositoryOptions = {}): TokenRepository {
  const touchEverySeconds = options.touchEverySeconds ?? 60;
  return {
    async create(input) {
      const name = parseTokenName(input.name);
      const role = parseRole(input.role);
      const projects = parseProjects(input.projects ?? []);
      const token = generateToken();
      try {
        const [row] = await db.query<TokenRow>(
          `INSERT INTO api_tokens (name, role, projects, token_hash, token_prefix, created_by)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
          [name, role, projects, hashToken(token), tokenPrefix(token), input.createdBy ?? null],
        );
        return { token, record: toRecord(row!) };
      } catch (error) {
        if (isUniqueViolation(error, 'api_tokens_active_name')) throw new DuplicateTokenNameError(name);
        throw error;
      }
    },

    async list() {
      const rows = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, name`);
      return rows.map(toRecord);
    },

    async revoke(idOrName) {
      const key = idOrName.trim();
      const column = UUID.test(key) ? 'id' : 'name';
      const [row] = await db.query<TokenRow>(
        `UPDATE api_tokens SET revoked_at = now() WHERE ${column} = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
        [key],
      );
      return row ? toRecord(row) : undefined;
    },

    async authenticate(token) {
      // Malformed text never reaches the database: cheap, and nothing odd ends up in a query.
      if (!looksLikeToken(token)) return undefined;
      // One round trip: read the token and, when its last use is older than the interval, stamp it.
      // The record returned carries the previous `last_used_at`. Comparing hashes through the unique
      // index leaks nothing useful by timing: an attacker does not choose the hash.
      const [row] = await db.query<TokenRow>(
        `WITH found AS (
           SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL
         ), touched AS (
           UPDATE api_tokens t SET last_used_at = now() FROM found
           WHERE t.id = found.id AND (found.last_used_at IS NULL OR found.last_used_at <= now() - make_interval(secs => $2))
           RETURNING t.id
         )
         SELECT * FROM found`,
        [hashToken(token), touchEverySeconds],
      );
      return row ? toRecord(row) : undefined;
    },
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  // pg and PGlite both report PostgreSQL's SQLSTATE and the constraint's name.
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505' && 'constraint' in error && error.constraint === constraint;
}

const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function toRecord(row: TokenRow): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    projects: row.projects,
    tokenPrefix: row.token_prefix,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    lastUsedAt: toDate(row.last_used_at),
    revokedAt: toDate(row.revoked_at),
  };
}
