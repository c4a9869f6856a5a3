import type { Migration } from './migration.js';
import { appendOnlyTriggers } from './append-only-triggers.js';

/**
 * Waivers are append-only, so revoking one cannot set a column on its row: a revocation is a row of its
 * own, append-only too, at most one per waiver. A waiver with a revocation no longer counts.
 */
export const waiverRevocations: Migration = {
  id: 11,
  name: 'waiver revocations',
  sql: `
    CREATE TABLE waiver_revocations (
      waiver_id uuid PRIMARY KEY REFERENCES waivers (id),
      -- Token name: who withdrew the accepted risk.
      revoked_by text NOT NULL,
      reason text NOT NULL CHECK (length(reason) > 0),
      revoked_at timestamptz NOT NULL DEFAULT now()
    );
    ${appendOnlyTriggers('waiver_revocations')}
    REVOKE UPDATE, DELETE, TRUNCATE ON waiver_revocations FROM PUBLIC;
  `,
};
