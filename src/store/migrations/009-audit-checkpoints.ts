import type { Migration } from './migration.js';
import { appendOnlyTriggers } from './append-only-triggers.js';

/**
 * Signed checkpoints of the audit log's head, written by the service every so many entries or minutes.
 * A copy outside the database (a file, an S3 object under Object Lock) is what proves a rewrite; the rows
 * here let `donegate audit verify` check the log against every head the service ever signed.
 */
export const auditCheckpoints: Migration = {
  id: 9,
  name: 'audit checkpoints',
  sql: `
    CREATE TABLE audit_checkpoints (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      seq bigint NOT NULL CHECK (seq > 0),
      hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
      at timestamptz NOT NULL,
      key_id text NOT NULL,
      signature text NOT NULL
    );
    CREATE INDEX audit_checkpoints_by_seq ON audit_checkpoints (seq DESC);
    ${appendOnlyTriggers('audit_checkpoints')}
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoints FROM PUBLIC;
  `,
};
