import type { Migration } from './migration.js';

/**
 * `Idempotency-Key` on `POST /api/v1/evidence`: a retried upload whose first answer was lost gets that
 * answer again instead of a second evidence record and a second re-evaluation. One row per token and
 * key; `response` is NULL while the first request is still being handled. Rows are working state, not
 * records: they are deleted once older than the replay window.
 */
export const evidenceIdempotencyKeys: Migration = {
  id: 12,
  name: 'evidence upload idempotency keys',
  sql: `
    CREATE TABLE evidence_idempotency_keys (
      token_id uuid NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
      idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 128),
      request_sha256 text NOT NULL,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (token_id, idempotency_key)
    );
    CREATE INDEX evidence_idempotency_keys_created_at ON evidence_idempotency_keys (created_at);
  `,
};
