import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { Principal } from '../../auth/api-token.js';
import type { Role } from '../../domain/index.js';
import type { Database } from '../../store/database.js';
import { readCookie, SESSION_COOKIE } from './session-cookie.js';
import type { UiSessionStore } from './ui-sessions.js';

export interface UiSessionOptions {
  /** A session unused this long ends (`UI_SESSION_IDLE_MINUTES`). */
  idleMinutes: number;
  /** A session ends this long after sign-in, however busy (`UI_SESSION_MAX_HOURS`). */
  maxHours: number;
  /** `Secure` cookies: the service is reached over https (`UI_PUBLIC_URL`'s scheme). */
  secure: boolean;
  now?: () => Date;
}

interface SessionRow {
  id_prefix: string;
  principal_name: string;
  role: Role;
  projects: string[];
  csrf_token: string;
  last_seen_at: Date | string;
}

const MINUTE_MS = 60_000;
/** `last_seen_at` is written at most this often, so a page full of requests costs one write. */
const TOUCH_EVERY_MS = MINUTE_MS;

const hashId = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');
const toPrincipal = (row: Pick<SessionRow, 'id_prefix' | 'principal_name' | 'role' | 'projects'>): Principal => ({
  // The prefix is of the hash, not the cookie: a log line or audit entry never holds any part of the secret.
  tokenId: `session:${row.id_prefix}`,
  name: row.principal_name,
  role: row.role,
  projects: row.projects,
  session: true,
});

/**
 * Browser sessions in `ui_sessions`. The cookie holds 32 random bytes; the table holds their sha256, so a
 * copy of the database signs nobody in. A session ends on sign-out, after `idleMinutes` unused, or
 * `maxHours` after sign-in.
 */
export function createUiSessions(db: Database, options: UiSessionOptions): UiSessionStore {
  const now = options.now ?? (() => new Date());
  const cookie = { httpOnly: true, sameSite: 'lax', path: '/ui', secure: options.secure } as const;
  const idleMs = options.idleMinutes * MINUTE_MS;

  const live = async (req: Request): Promise<(SessionRow & { idHash: string }) | undefined> => {
    const id = readCookie(req, SESSION_COOKIE);
    if (id === undefined) return undefined;
    const idHash = hashId(id);
    const at = now();
    const [row] = await db.query<SessionRow>(
      `SELECT id_prefix, principal_name, role, projects, csrf_token, last_seen_at FROM ui_sessions
       WHERE id_hash = $1 AND revoked_at IS NULL AND expires_at > $2 AND last_seen_at > $3`,
      [idHash, at, new Date(at.getTime() - idleMs)],
    );
    return row ? { ...row, idHash } : undefined;
  };

  return {
    async current(req) {
      const row = await live(req);
      if (!row) return undefined;
      const at = now();
      if (at.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
        await db.query('UPDATE ui_sessions SET last_seen_at = $2 WHERE id_hash = $1', [row.idHash, at]);
      }
      return { principal: toPrincipal(row), csrfToken: row.csrf_token };
    },

    async start(req, res, person) {
      const at = now();
      const previous = readCookie(req, SESSION_COOKIE);
      if (previous !== undefined) await db.query('UPDATE ui_sessions SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL', [hashId(previous), at]);
      // Working state, not a record: rows no cookie can use any more go at the next sign-in.
      await db.query('DELETE FROM ui_sessions WHERE expires_at <= $1 OR revoked_at IS NOT NULL OR last_seen_at <= $2', [at, new Date(at.getTime() - idleMs)]);
      const id = randomBytes(32).toString('base64url');
      const idHash = hashId(id);
      const expiresAt = new Date(at.getTime() + options.maxHours * 60 * MINUTE_MS);
      const method = person.method;
      const row = { id_prefix: idHash.slice(0, 8), principal_name: person.name, role: person.role, projects: [...person.projects] };
      await db.query(
        `INSERT INTO ui_sessions (id_hash, id_prefix, principal_name, role, projects, method, oidc_issuer, oidc_subject, link_id, csrf_token, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)`,
        [
          idHash,
          row.id_prefix,
          row.principal_name,
          row.role,
          row.projects,
          method.kind,
          method.kind === 'oidc' ? method.issuer : null,
          method.kind === 'oidc' ? method.subject : null,
          method.kind === 'link' ? method.linkId : null,
          randomBytes(32).toString('base64url'),
          at,
          expiresAt,
        ],
      );
      res.cookie(SESSION_COOKIE, id, { ...cookie, expires: expiresAt });
      return { principal: toPrincipal(row) };
    },

    async end(req, res) {
      res.clearCookie(SESSION_COOKIE, cookie);
      const id = readCookie(req, SESSION_COOKIE);
      if (id === undefined) return undefined;
      const [row] = await db.query<SessionRow>(
        'UPDATE ui_sessions SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL RETURNING id_prefix, principal_name, role, projects',
        [hashId(id), now()],
      );
      return row ? toPrincipal(row) : undefined;
    },
  };
}
