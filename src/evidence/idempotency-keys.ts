import type { Database } from '../store/database.js';

/** The answer a first request got, kept to be given again to its retries. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** What a request holding an `Idempotency-Key` is to do. */
export type IdempotencyClaim =
  /** The first request with this key: handle it, then `complete` or `release`. */
  | { kind: 'first' }
  /** A retry of a request that was answered: give the same answer, do nothing else. */
  | { kind: 'replay'; answer: StoredAnswer }
  /** The first request with this key is still being handled. */
  | { kind: 'in-progress' }
  /** The key was used, by the same token, for a different request. */
  | { kind: 'reused' };

export interface IdempotencyKeys {
  claim(tokenId: string, key: string, requestSha256: string): Promise<IdempotencyClaim>;
  /** Keep the first request's answer for its retries. */
  complete(tokenId: string, key: string, answer: StoredAnswer): Promise<void>;
  /** The first request was not answered with a stored result (refused or failed): a retry handles it afresh. */
  release(tokenId: string, key: string): Promise<void>;
}

/** How long a key is remembered: longer than any client's retries, short enough that the table stays small. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** A key claimed this long ago and never answered belongs to a process that died mid-request: it is free again. */
const ABANDONED_AFTER_SECONDS = 300;

/**
 * Idempotency keys of evidence uploads, per token (one CI job's key never meets another's), in the
 * service's database: durable like the evidence itself, and shared by every receiver process.
 */
export function createIdempotencyKeys(db: Database): IdempotencyKeys {
  return {
    async claim(tokenId, key, requestSha256) {
      await db.query(
        `DELETE FROM evidence_idempotency_keys
         WHERE created_at < now() - make_interval(hours => $1)
            OR (token_id = $2 AND idempotency_key = $3 AND response IS NULL AND created_at < now() - make_interval(secs => $4))`,
        [IDEMPOTENCY_KEY_TTL_HOURS, tokenId, key, ABANDONED_AFTER_SECONDS],
      );
      const inserted = await db.query(
        `INSERT INTO evidence_idempotency_keys (token_id, idempotency_key, request_sha256) VALUES ($1, $2, $3)
         ON CONFLICT (token_id, idempotency_key) DO NOTHING RETURNING 1 AS claimed`,
        [tokenId, key, requestSha256],
      );
      if (inserted.length === 1) return { kind: 'first' };
      const [row] = await db.query<{ request_sha256: string; response: StoredAnswer | null }>(
        'SELECT request_sha256, response FROM evidence_idempotency_keys WHERE token_id = $1 AND idempotency_key = $2',
        [tokenId, key],
      );
      // Deleted between the insert and the read (expired or released): the caller's retry will claim it.
      if (!row) return { kind: 'in-progress' };
      if (row.request_sha256 !== requestSha256) return { kind: 'reused' };
      return row.response === null ? { kind: 'in-progress' } : { kind: 'replay', answer: row.response };
    },
    async complete(tokenId, key, answer) {
      await db.query('UPDATE evidence_idempotency_keys SET response = $3 WHERE token_id = $1 AND idempotency_key = $2', [tokenId, key, JSON.stringify(answer)]);
    },
    async release(tokenId, key) {
      await db.query('DELETE FROM evidence_idempotency_keys WHERE token_id = $1 AND idempotency_key = $2 AND response IS NULL', [tokenId, key]);
    },
  };
}
