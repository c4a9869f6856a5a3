import type { Migration } from './migration.js';
import { appendOnlyTriggers } from './append-only-triggers.js';

/**
 * The hash-chained audit log. Rows are only ever inserted: triggers refuse UPDATE, DELETE and TRUNCATE
 * for every role, so a slip in code or a casual `psql` session cannot rewrite history. Someone who owns
 * the table can still disable the triggers; the hash chain (`donegate audit verify`) is what exposes that.
 */
export const auditLog: Migration = {
  id: 4,
  name: 'audit log',
  sql: `
    CREATE TABLE audit_log (
      seq bigint PRIMARY KEY CHECK (seq > 0),
      at timestamptz NOT NULL,
      type text NOT NULL,
      tracker text,
      ticket text,
      actor text NOT NULL,
      data jsonb NOT NULL,
      prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
    );
    CREATE INDEX audit_log_by_ticket ON audit_log (tracker, ticket, seq) WHERE ticket IS NOT NULL;
    CREATE INDEX audit_log_by_time ON audit_log (at);
    -- An expired waiver is recorded once, however many evaluations see it expired.
    CREATE UNIQUE INDEX audit_log_waiver_expired_once ON audit_log ((data->>'waiverId')) WHERE type = 'waiver-expired';

    CREATE FUNCTION donegate_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'donegate never changes audit entries; README "For auditors" says how to archive old ones';
    END;
    $$;
    ${appendOnlyTriggers('audit_log', 'donegate_audit_log_append_only')}
  `,
};
