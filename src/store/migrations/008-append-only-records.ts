import type { Migration } from './migration.js';
import { appendOnlyTriggers } from './append-only-triggers.js';

/**
 * Decisions, evidence and waivers are records of what happened, like the audit log: rows are only ever
 * inserted. The same triggers as `audit_log` refuse UPDATE, DELETE and TRUNCATE for every role; the
 * grants (see grant-runtime-role.ts) keep the service's own role from disabling them. Each row's content
 * hash is carried by the audit entry recorded when the row was written (`data.row`), so an owner who
 * disables the triggers and edits a row is still caught by `donegate audit verify`; the index finds the
 * entry that chains a row.
 */
export const appendOnlyRecords: Migration = {
  id: 8,
  name: 'decisions, evidence and waivers are append-only',
  sql: `
    CREATE FUNCTION donegate_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'donegate records a change as a new row and a new audit entry, never by rewriting one';
    END;
    $$;
    ${appendOnlyTriggers('decisions')}
    ${appendOnlyTriggers('evidence')}
    ${appendOnlyTriggers('waivers')}
    REVOKE UPDATE, DELETE, TRUNCATE ON decisions, evidence, waivers, audit_log FROM PUBLIC;

    CREATE INDEX audit_log_by_row ON audit_log ((data->'row'->>'table'), (data->'row'->>'id')) WHERE data ? 'row';
  `,
};
