import type { Migration } from './migration.js';

/**
 * The `viewer` role: PMs and other readers who open the pages under /ui. The role CHECK of migration 002
 * was unnamed, so PostgreSQL called it `api_tokens_role_check`; it is replaced by one that lists viewer too.
 */
export const viewerRole: Migration = {
  id: 13,
  name: 'viewer role',
  sql: `
    ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
    ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check CHECK (role IN ('viewer', 'ci', 'auditor', 'approver', 'admin'));
  `,
};
