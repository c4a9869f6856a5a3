/**
 * Tables whose rows are records of what happened: the service may only read and insert them. Triggers
 * refuse UPDATE, DELETE and TRUNCATE to every role; the runtime role is never granted them either, and
 * never owns the tables, so it cannot switch the triggers off.
 */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_checkpoints', 'decisions', 'evidence', 'waivers', 'waiver_revocations'] as const;
