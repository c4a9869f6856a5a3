import type { Migration } from './migration.js';

/**
 * Each decision keeps a small snapshot of its ticket (summary, assignee, project, URL) for the board, which
 * then never has to ask the trackers. A new nullable column changes no existing row, so the append-only
 * decisions keep their content; decisions recorded before it show their key only. The size bound is a
 * second fence behind the worker's own bounds. The partial index serves the board's "latest decision of
 * each ticket" scan, which never looks at skipped decisions.
 */
export const decisionTicketSnapshot: Migration = {
  id: 15,
  name: 'decision ticket snapshot',
  sql: `
    ALTER TABLE decisions ADD COLUMN ticket_snapshot jsonb
      CHECK (ticket_snapshot IS NULL OR (jsonb_typeof(ticket_snapshot) = 'object' AND octet_length(ticket_snapshot::text) <= 4096));
    CREATE INDEX decisions_board ON decisions (tracker, ticket_key, decided_at DESC, id DESC) WHERE outcome <> 'skipped';
  `,
};
