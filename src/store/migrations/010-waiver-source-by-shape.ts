import type { Migration } from './migration.js';

/**
 * `waivers.approved_via` listed the trackers by name (`'jira-comment'`, `'linear-comment'`), so every new
 * tracker needed a schema change. The list of trackers lives in the code (`TRACKER_PLUGINS`); the table
 * now checks only the shape: `api`, or `<tracker>-comment`. PostgreSQL named the inline CHECK of 003
 * `waivers_approved_via_check` (table_column_check).
 */
export const waiverSourceByShape: Migration = {
  id: 10,
  name: 'waiver source by shape, not by tracker name',
  sql: `
    ALTER TABLE waivers DROP CONSTRAINT waivers_approved_via_check;
    ALTER TABLE waivers ADD CONSTRAINT waivers_approved_via_shape
      CHECK (approved_via = 'api' OR approved_via ~ '^[a-z][a-z0-9-]{0,31}-comment$');
  `,
};
