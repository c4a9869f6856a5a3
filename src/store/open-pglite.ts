import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database } from './database.js';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, kept under `dataDir/pgdata`.
 * `dataDir: null` keeps it in memory (tests, the demo).
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let db: PGlite;
  if (dataDir === null) {
    db = await PGlite.create();
  } else {
    const folder = join(dataDir, 'pgdata');
    await mkdir(folder, { recursive: true });
    db = await PGlite.create(folder);
  }
  const on = (client: PGlite | Transaction): Database['query'] =>
    async <Row extends object>(sql: string, params: readonly unknown[] = []) =>
      (await client.query<Row>(sql, params as unknown[])).rows;

  const exec = (client: PGlite | Transaction) => async (sql: string) => {
    await client.exec(sql);
  };

  return {
    kind: 'pglite',
    query: on(db),
    exec: exec(db),
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          kind: 'pglite',
          query: on(tx),
          exec: exec(tx),
          transaction: () => Promise.reject(new Error('nested transactions are not supported')),
          close: () => Promise.resolve(),
        }),
      ),
    close: () => db.close(),
  };
}
