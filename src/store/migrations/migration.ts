/** One schema change. Never edit one that has shipped: add the next. The same SQL runs on PostgreSQL and PGlite. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}
