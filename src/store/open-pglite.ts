import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database } from './database.js';
import { acquireDataDirLock, type DataDirHolder, type DataDirLock } from './data-dir-lock.js';

/** The default report of a stale lock taken over: one line on stderr, naming the process that left it. */
const reportTakeover = (stale: DataDirHolder | undefined, file: string): void => {
  process.stderr.write(
    stale
      ? `donegate: took over the stale lock ${file} left by \`${stale.command}\` (pid ${stale.pid}, since ${stale.since}), which no longer runs\n`
      : `donegate: took over the unreadable lock ${file}\n`,
  );
};

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, kept under `dataDir/pgdata`.
 * `dataDir: null` keeps it in memory (tests, the demo). PGlite has a single user, so one process owns a
 * `dataDir` at a time: its lock file (see data-dir-lock.ts) is taken before the files are opened and
 * released on close; a second process gets DataDirInUseError naming the holder.
 */
export async function openPglite(
  dataDir: string | null,
  options: { onStaleLock?: (stale: DataDirHolder | undefined, file: string) => void } = {},
): Promise<Database> {
  let db: PGlite;
  let lock: DataDirLock | undefined;
  if (dataDir === null) {
    db = await PGlite.create();
  } else {
    const folder = join(dataDir, 'pgdata');
    await mkdir(folder, { recursive: true });
    lock = acquireDataDirLock(dataDir, { onTakeover: options.onStaleLock ?? reportTakeover });
    try {
      db = await PGlite.create(folder);
    } catch (error) {
      lock.release();
      throw error;
    }
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
    close: async () => {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}
