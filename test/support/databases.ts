import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/open-database.js';

/** The admin connection tests create their throw-away databases from (`.ci/run` sets it too). */
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Database;
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database of its own, dropped afterwards: tests never share rows. */
export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const name = `donegate_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The embedded default, in memory, with the same migrations. */
export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const db = await openDatabase({ dataDir: null });
  return { db, drop: () => db.close() };
}

/** Run a suite against both stores the product supports. */
export const STORES: Array<[string, () => Promise<TestDatabase>]> = [
  ['PostgreSQL', createPostgresTestDatabase],
  ['PGlite', createPgliteTestDatabase],
];
