import type { Database } from './database.js';
import { grantRuntimeRole } from './grant-runtime-role.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { openDatabase } from './open-database.js';
import { openPostgres } from './open-postgres.js';

/** Where the service's data lives and who may change its schema (see Config). */
export interface DatabaseSetup {
  databaseUrl?: string;
  databaseOwnerUrl?: string;
  databaseRuntimeRole?: string;
  dataDir: string | null;
  migrateOnStart: boolean;
}

export class SchemaBehindError extends Error {
  override readonly name = 'SchemaBehindError';
}

/**
 * The role migrations grant the service's rights to: DATABASE_RUNTIME_ROLE, else, when an owner URL is
 * given, the user DATABASE_URL connects as (when it is another user than the owner's).
 */
export function runtimeRoleOf(setup: DatabaseSetup): string | undefined {
  if (setup.databaseRuntimeRole) return setup.databaseRuntimeRole;
  if (!setup.databaseOwnerUrl || !setup.databaseUrl) return undefined;
  const runtime = decodeURIComponent(new URL(setup.databaseUrl).username);
  return runtime !== '' && runtime !== decodeURIComponent(new URL(setup.databaseOwnerUrl).username) ? runtime : undefined;
}

/**
 * `donegate migrate`: apply pending migrations as the owner (DATABASE_OWNER_URL, else DATABASE_URL, else
 * the embedded PGlite), then grant the runtime role its INSERT/SELECT-only access to the audit tables.
 */
export async function migrateAsOwner(setup: DatabaseSetup): Promise<{ applied: number[]; grantedTo?: string }> {
  const ownerUrl = setup.databaseOwnerUrl ?? setup.databaseUrl;
  if (!ownerUrl) {
    const db = await openDatabase({ dataDir: setup.dataDir, migrate: false });
    try {
      return { applied: await migrate(db) };
    } finally {
      await db.close();
    }
  }
  const owner = openPostgres(ownerUrl, { max: 1 });
  try {
    const applied = await migrate(owner);
    const role = runtimeRoleOf(setup);
    if (role) await grantRuntimeRole(owner, role);
    return { applied, ...(role ? { grantedTo: role } : {}) };
  } finally {
    await owner.close();
  }
}

/**
 * The service's connection. With MIGRATE_ON_START (the default) pending migrations run first, as the
 * owner; without it the schema must already be current (`donegate migrate` ran), or start-up fails
 * saying so. The embedded PGlite always migrates: it has a single user.
 */
export async function openServiceDatabase(setup: DatabaseSetup, options: { onPoolError?: (error: Error) => void } = {}): Promise<Database> {
  if (!setup.databaseUrl) return openDatabase({ dataDir: setup.dataDir });
  if (setup.migrateOnStart) await migrateAsOwner(setup);
  const db = openPostgres(setup.databaseUrl, options);
  if (!setup.migrateOnStart) {
    try {
      await requireCurrentSchema(db);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  }
  return db;
}

async function requireCurrentSchema(db: Database): Promise<void> {
  let applied: Set<number>;
  try {
    applied = new Set((await db.query<{ id: number }>('SELECT id FROM donegate_migrations')).map((r) => Number(r.id)));
  } catch (error) {
    if ((error as { code?: string }).code !== '42P01') throw error;
    applied = new Set();
  }
  const missing = MIGRATIONS.filter((m) => !applied.has(m.id)).map((m) => m.id);
  if (missing.length > 0) {
    throw new SchemaBehindError(
      `the database lacks migrations ${missing.join(', ')} and MIGRATE_ON_START is false: run \`donegate migrate\` with DATABASE_OWNER_URL set to the owner's connection first`,
    );
  }
}
