import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openPglite } from './open-pglite.js';
import { openPostgres } from './open-postgres.js';

/** `DATABASE_URL` set → PostgreSQL; unset → PGlite under `dataDir` (or in memory with `null`). Migrated, unless `migrate: false`. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string | null; migrate?: boolean }): Promise<Database> {
  const db = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  if (options.migrate === false) return db;
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
