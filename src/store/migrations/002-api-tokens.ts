import type { Migration } from './migration.js';

/**
 * API tokens for the `/api/v1` routes. Only the sha256 of a token is kept: a leaked database cannot be
 * replayed against the API. `token_prefix` (the first 8 characters) lets people tell tokens apart in
 * listings and logs without revealing them.
 */
export const apiTokens: Migration = {
  id: 2,
  name: 'api tokens',
  sql: `
    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(trim(name)) > 0),
      role text NOT NULL CHECK (role IN ('ci', 'auditor', 'approver', 'admin')),
      -- Project keys (ML, AI), upper-cased; empty means every project.
      projects text[] NOT NULL DEFAULT '{}',
      token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      token_prefix text NOT NULL CHECK (length(token_prefix) = 8),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text,
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    -- A name is reusable once its token is revoked (rotation), but never shared by two live tokens.
    CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens (name) WHERE revoked_at IS NULL;
  `,
};
