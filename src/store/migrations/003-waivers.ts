import type { Migration } from './migration.js';

export const waivers: Migration = {
  id: 3,
  name: 'waivers',
  sql: `
    CREATE TABLE waivers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tracker text NOT NULL,
      ticket_key text NOT NULL,
      criterion text NOT NULL,
      -- Empty: the whole criterion is waived; otherwise only these advisories (ids or aliases).
      advisories text[] NOT NULL DEFAULT '{}',
      reason text NOT NULL CHECK (length(reason) > 0),
      -- Token name (API) or tracker account id (comment command): who accepted the risk.
      approver text NOT NULL,
      approved_via text NOT NULL CHECK (approved_via IN ('api', 'jira-comment', 'linear-comment')),
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (expires_at > created_at)
    );
    CREATE INDEX waivers_by_ticket ON waivers (tracker, ticket_key, criterion);
  `,
};
