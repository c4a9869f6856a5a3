import pg from 'pg';
import type { Database } from './database.js';

/** PostgreSQL through a connection pool (`DATABASE_URL`). */
export function openPostgres(connectionString: string, options: { max?: number; onPoolError?: (error: Error) => void } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  // `onPoolError` lets the service say once that PostgreSQL is unreachable (its dependency watch).
  pool.on('error', (error) => options.onPoolError?.(error));
  const on = (client: pg.Pool | pg.PoolClient): Database['query'] =>
    async <Row extends object>(sql: string, params: readonly unknown[] = []) =>
      (await client.query(sql, params as unknown[])).rows as Row[];

  const exec = (client: pg.Pool | pg.PoolClient) => async (sql: string) => {
    await client.query(sql);
  };

  return {
    kind: 'postgres',
    query: on(pool),
    exec: exec(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          kind: 'postgres',
          query: on(client),
          exec: exec(client),
          transaction: () => Promise.reject(new Error('nested transactions are not supported')),
          close: () => Promise.resolve(),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
