import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/store/database.js';
import { openPostgres } from '../../src/store/open-postgres.js';
import { ADMIN_DATABASE_URL } from './databases.js';

export interface RuntimeRole {
  name: string;
  /** The test database's URL, connecting as this role. */
  url: string;
  db: Database;
  /** Close its connections and drop the role (after the database that holds its grants is dropped). */
  drop(): Promise<void>;
}

/**
 * A login role of its own for one test file: roles are cluster-wide, so each name is unique and the role
 * is dropped afterwards.
 */
export async function createRuntimeRole(databaseUrl: string): Promise<RuntimeRole> {
  const name = `donegate_runtime_${randomBytes(5).toString('hex')}`;
  // A password too, for servers that do not trust local connections (the compose PostgreSQL asks for one).
  const password = randomBytes(12).toString('hex');
  await asAdmin(`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`);
  const url = new URL(databaseUrl);
  url.username = name;
  url.password = password;
  const db = openPostgres(url.toString(), { max: 2 });
  return {
    name,
    url: url.toString(),
    db,
    async drop() {
      await db.close().catch(() => undefined);
      await asAdmin(`DROP ROLE IF EXISTS ${name}`);
    },
  };
}

async function asAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
