import type { Database } from './database.js';
import { APPEND_ONLY_TABLES } from './append-only-tables.js';

export class RuntimeRoleError extends Error {
  override readonly name = 'RuntimeRoleError';
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Give the service's role what it needs and no more, as the owner, after migrating: read and write the
 * working tables (tokens and the like), only read and insert the append-only ones, read the migration
 * list. Idempotent, so it runs after every migration and picks up tables new migrations add.
 */
export async function grantRuntimeRole(owner: Database, role: string): Promise<void> {
  // Checked here too: the name is spliced into SQL, which cannot take a role as a parameter.
  if (!ROLE_NAME.test(role)) throw new RuntimeRoleError(`"${role}" is not a lower-case PostgreSQL role name`);
  const [found] = await owner.query<{ self: boolean }>('SELECT rolname = current_user AS self FROM pg_roles WHERE rolname = $1', [role]);
  if (!found) {
    throw new RuntimeRoleError(
      `the runtime role "${role}" does not exist: create it as a database administrator (CREATE ROLE ${role} LOGIN PASSWORD '…'), or unset DATABASE_RUNTIME_ROLE`,
    );
  }
  // The owner has every right already; granting to it would change nothing and revoking would lock it out.
  if (found.self) return;
  const [schema] = await owner.query<{ name: string }>('SELECT current_schema() AS name');
  const s = `"${schema!.name.replaceAll('"', '""')}"`;
  const r = `"${role}"`;
  await owner.exec(`
    GRANT USAGE ON SCHEMA ${s} TO ${r};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r};
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${r};
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON donegate_migrations FROM ${r};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r};
  `);
}
