/**
 * The one thing the repositories need from a database. Both PostgreSQL (`pg`) and the embedded PGlite
 * implement it with the same SQL, so every migration and query runs unchanged on both.
 */
export interface Database {
  readonly kind: 'postgres' | 'pglite';
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction; it sees a Database bound to that transaction. */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
