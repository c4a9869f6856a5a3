import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../domain/index.js';
import type { Database } from '../store/database.js';

/** Links outlive a holiday, not a quarter: someone who needs longer gets SSO or a new link. */
export const SIGN_IN_LINK_MAX_DAYS = 30;

/** `dgl_` then 32 random bytes in base64url, so a leaked link is recognisable (and greppable) as ours. */
const SECRET_SHAPE = /^dgl_[A-Za-z0-9_-]{43}$/;

export interface NewSignInLink {
  /** Who it is for, as pages and the audit log name the session: "Priya (PM)". */
  name: string;
  role: Role;
  /** Project scopes, as a token's; empty means every project. */
  projects: readonly string[];
  expiresAt: Date;
  /** Who made it: `cli` or `token:<name>`. */
  createdBy: string;
}

/** A link as listings and audit entries see it: never the secret, never its hash. */
export interface SignInLinkRecord {
  id: string;
  name: string;
  role: Role;
  projects: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface SignInLinks {
  /** Stores the link's sha256 and returns the secret, which exists only in this answer. */
  create(input: NewSignInLink): Promise<{ secret: string; record: SignInLinkRecord }>;
  /**
   * Marks the link used and returns it, once: a second redemption, a racing one, an expired link or an
   * unknown secret all give undefined (callers must not tell these apart to the person asking).
   */
  redeem(secret: string): Promise<SignInLinkRecord | undefined>;
  /** True while the link could still be redeemed; a look only, it changes nothing. */
  usable(secret: string): Promise<boolean>;
}

interface LinkRow {
  id: string;
  name: string;
  role: Role;
  projects: string[];
  created_by: string;
  created_at: Date | string;
  expires_at: Date | string;
}

const COLUMNS = 'id, name, role, projects, created_by, created_at, expires_at';
const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

const toRecord = (row: LinkRow): SignInLinkRecord => ({
  id: row.id,
  name: row.name,
  role: row.role,
  projects: row.projects,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
});

/** The `ui_sign_in_links` table. `now` is injectable so expiry can be tested without waiting. */
export function createSignInLinks(db: Database, now: () => Date = () => new Date()): SignInLinks {
  return {
    async create(input) {
      const secret = `dgl_${randomBytes(32).toString('base64url')}`;
      const [row] = await db.query<LinkRow>(
        `INSERT INTO ui_sign_in_links (id, secret_hash, name, role, projects, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [randomUUID(), hashSecret(secret), input.name, input.role, [...input.projects], input.createdBy, now(), input.expiresAt],
      );
      return { secret, record: toRecord(row!) };
    },
    async redeem(secret) {
      if (!SECRET_SHAPE.test(secret)) return undefined;
      // One statement decides: of two requests racing with the same link, exactly one gets the row.
      const [row] = await db.query<LinkRow>(
        `UPDATE ui_sign_in_links SET used_at = $2
         WHERE secret_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING ${COLUMNS}`,
        [hashSecret(secret), now()],
      );
      return row ? toRecord(row) : undefined;
    },
    async usable(secret) {
      if (!SECRET_SHAPE.test(secret)) return false;
      const rows = await db.query('SELECT 1 FROM ui_sign_in_links WHERE secret_hash = $1 AND used_at IS NULL AND expires_at > $2', [hashSecret(secret), now()]);
      return rows.length > 0;
    },
  };
}
