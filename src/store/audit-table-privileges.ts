import type { Database } from './database.js';
import { APPEND_ONLY_TABLES } from './append-only-tables.js';

/**
 * What is wrong with the role this connection runs as, for a log its owner must not rewrite: an empty
 * list when it can only read and insert the append-only tables. PGlite has a single user by nature.
 */
export async function auditPrivilegeWarnings(db: Database): Promise<string[]> {
  if (db.kind === 'pglite') {
    return [
      'the embedded PGlite database has a single user who owns every table, so database roles cannot keep the log append-only: ' +
        'the triggers, the hash chain and signed checkpoints kept outside the database are what protect it. ' +
        'Use PostgreSQL with a separate runtime role for that (README, "Database roles")',
    ];
  }
  const rows = await db.query<{ relname: string; can_update: boolean; can_delete: boolean; can_truncate: boolean; owns: boolean; role: string; superuser: boolean }>(
    `SELECT c.relname, has_table_privilege(c.oid, 'UPDATE') AS can_update, has_table_privilege(c.oid, 'DELETE') AS can_delete,
            has_table_privilege(c.oid, 'TRUNCATE') AS can_truncate, pg_has_role(c.relowner, 'USAGE') AS owns,
            current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
       FROM pg_class c WHERE c.relkind = 'r' AND c.relname = ANY($1) AND c.relnamespace = current_schema()::regnamespace
      ORDER BY c.relname`,
    [[...APPEND_ONLY_TABLES]],
  );
  const exposed = rows.filter((r) => r.can_update || r.can_delete || r.can_truncate || r.owns);
  if (exposed.length === 0) return [];
  const can = new Set<string>();
  for (const r of exposed) {
    if (r.can_update) can.add('UPDATE');
    if (r.can_delete) can.add('DELETE');
    if (r.can_truncate) can.add('TRUNCATE');
    if (r.owns) can.add('ALTER (disable the append-only triggers)');
  }
  const who = `the database role "${rows[0]!.role}"${rows[0]!.superuser ? ' (a superuser)' : ''}`;
  return [
    `${who} can ${[...can].join(', ')} on ${exposed.map((r) => r.relname).join(', ')}: whoever holds its credentials can rewrite the audit trail, ` +
      'detected only by verifying against a signed checkpoint. Run the service as a role with only INSERT and SELECT on them ' +
      '(DATABASE_OWNER_URL for migrations; README, "Database roles")',
  ];
}
