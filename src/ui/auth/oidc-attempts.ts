import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../store/database.js';
import type { OidcAttempt } from './oidc-sign-in.js';

/** Ten minutes to sign in at the IdP, MFA included; then the browser starts again. */
export const OIDC_ATTEMPT_MINUTES = 10;

export interface OidcAttempts {
  /** Keeps the attempt; returns the value of the cookie that binds it to this browser. */
  save(attempt: OidcAttempt, next: string): Promise<string>;
  /** The attempt this cookie started, once (it is deleted), if it is not stale. */
  take(cookieValue: string): Promise<{ attempt: OidcAttempt; next: string } | undefined>;
}

interface AttemptRow {
  state: string;
  nonce: string;
  code_verifier: string;
  next_path: string;
}

const hash = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * OIDC sign-ins under way, in `ui_oidc_attempts`, keyed by the sha256 of a random cookie: the callback is
 * accepted only in the browser that started the sign-in, so nobody can sign a victim into their own account.
 */
export function createOidcAttempts(db: Database, now: () => Date = () => new Date()): OidcAttempts {
  return {
    async save(attempt, next) {
      const at = now();
      await db.query('DELETE FROM ui_oidc_attempts WHERE expires_at <= $1', [at]);
      const value = randomBytes(32).toString('base64url');
      await db.query('INSERT INTO ui_oidc_attempts (id_hash, state, nonce, code_verifier, next_path, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        hash(value),
        attempt.state,
        attempt.nonce,
        attempt.codeVerifier,
        next,
        new Date(at.getTime() + OIDC_ATTEMPT_MINUTES * 60_000),
      ]);
      return value;
    },
    async take(cookieValue) {
      const [row] = await db.query<AttemptRow>('DELETE FROM ui_oidc_attempts WHERE id_hash = $1 AND expires_at > $2 RETURNING state, nonce, code_verifier, next_path', [
        hash(cookieValue),
        now(),
      ]);
      return row ? { attempt: { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier }, next: row.next_path } : undefined;
    },
  };
}
