import type { Database } from '../store/database.js';
import type { JsonValue } from './canonical-json.js';
import { CHAINED_TABLES, hashRow, readingInUtc, type ChainedTable, type RowRef } from './chained-rows.js';

/** A decision, evidence or waiver row that no longer matches the hash its audit entry recorded. */
export interface RowProblem {
  seq: number;
  table: string;
  id: string;
  problem: string;
}

export interface RowsReport {
  /** Rows compared with the hash their entry holds. */
  checked: number;
  /** The first problems found (at most `limit`). */
  problems: RowProblem[];
  /** Rows no entry vouches for: written before chaining rows began, or by something other than donegate. */
  unchained: Record<ChainedTable, number>;
}

const ROW_OF_ENTRY = `CASE a.data->'row'->>'table'
    WHEN 'decisions' THEN (SELECT to_jsonb(t) FROM decisions t WHERE t.id = (a.data->'row'->>'id')::bigint)
    WHEN 'evidence' THEN (SELECT to_jsonb(t) FROM evidence t WHERE t.id = (a.data->'row'->>'id')::uuid)
    WHEN 'waivers' THEN (SELECT to_jsonb(t) FROM waivers t WHERE t.id = (a.data->'row'->>'id')::uuid)
  END`;

/**
 * Compare every row an entry from `fromSeq` on vouches for with the hash in that entry. Run it after the
 * chain itself verified: then the recorded hashes are the ones written at the time.
 */
export async function verifyChainedRows(db: Database, fromSeq: number, options: { batchSize?: number; limit?: number } = {}): Promise<RowsReport> {
  const batchSize = options.batchSize ?? 2000;
  const limit = options.limit ?? 20;
  const problems: RowProblem[] = [];
  let checked = 0;
  let cursor = fromSeq;
  for (;;) {
    const rows = await readingInUtc(db, (tx) =>
      tx.query<{ seq: string | number; ref: RowRef; row: JsonValue | null }>(
        `SELECT a.seq, a.data->'row' AS ref, ${ROW_OF_ENTRY} AS row FROM audit_log a
         WHERE a.seq >= $1 AND a.data ? 'row' ORDER BY a.seq LIMIT $2`,
        [cursor, batchSize],
      ),
    );
    for (const { seq, ref, row } of rows) {
      checked += 1;
      const at = { seq: Number(seq), table: ref.table, id: ref.id };
      if (row === null) problems.push({ ...at, problem: `${ref.table} row ${ref.id}, recorded by entry ${at.seq}, was deleted` });
      else {
        const actual = hashRow(row);
        if (actual !== ref.hash) {
          problems.push({ ...at, problem: `${ref.table} row ${ref.id} was changed after entry ${at.seq} recorded it: its content hashes to ${actual}, the entry holds ${ref.hash}` });
        }
      }
      if (problems.length >= limit) return { checked, problems, unchained: await countUnchained(db) };
    }
    if (rows.length < batchSize) break;
    cursor = Number(rows[rows.length - 1]!.seq) + 1;
  }
  return { checked, problems, unchained: await countUnchained(db) };
}

async function countUnchained(db: Database): Promise<Record<ChainedTable, number>> {
  const counts = {} as Record<ChainedTable, number>;
  for (const table of CHAINED_TABLES) {
    const [row] = await db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM ${table} t WHERE NOT EXISTS (
         SELECT 1 FROM audit_log a WHERE a.data ? 'row' AND a.data->'row'->>'table' = $1 AND a.data->'row'->>'id' = t.id::text)`,
      [table],
    );
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
