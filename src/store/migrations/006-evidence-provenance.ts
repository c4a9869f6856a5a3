import type { Migration } from './migration.js';

/**
 * Where each piece of evidence came from (`EvidenceProvenance`: token and role, attaching account, or
 * donegate's own scan). Nullable: records stored before this migration have none, and the criteria treat
 * them as vouched for by nobody in particular (`from: ci` does not accept them).
 */
export const evidenceProvenance: Migration = {
  id: 6,
  name: 'evidence: provenance',
  sql: `
    ALTER TABLE evidence ADD COLUMN provenance jsonb;
  `,
};
