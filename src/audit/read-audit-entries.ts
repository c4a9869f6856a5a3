import type { Database } from '../store/database.js';
import type { AuditEntry } from './audit-entry.js';

/** A row of `audit_log` as pg and PGlite return it. */
export interface AuditRow {
  seq: string | number;
  /** ISO 8601 text, from AUDIT_COLUMNS. */
  at: string;
  type: AuditEntry['type'];
  tracker: string | null;
  ticket: string | null;
  actor: string;
  data: AuditEntry['data'];
  prev_hash: string;
  hash: string;
}

/**
 * The time comes back as the exact ISO text that was hashed, formatted by the database: parsing
 * timestamptz into a Date in the driver costs more than hashing the entry does.
 */
export const AUDIT_COLUMNS = `seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, type, tracker, ticket, actor, data, prev_hash, hash`;

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    time: row.at,
    type: row.type,
    tracker: row.tracker,
    ticket: row.ticket,
    actor: row.actor,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface SeqRange {
  fromSeq: number;
  /** Inclusive; unset reads to the end. */
  toSeq?: number;
}

/**
 * The entries of a range in sequence order, a batch at a time (keyset pagination on `seq`), with the
 * next batch already being fetched while the caller works on the current one. Memory stays at two
 * batches whatever the size of the log.
 */
export async function* readAuditBatches(db: Database, range: SeqRange, batchSize = 5000): AsyncGenerator<AuditEntry[]> {
  const toSeq = range.toSeq ?? Number.MAX_SAFE_INTEGER;
  // Only a lower bound in SQL, so PostgreSQL walks the primary key in order and stops at the limit even on a
  // table it has no statistics for yet (with both bounds it may sort the whole rest of the table per batch).
  const fetch = async (from: number) => {
    const rows = await db.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`, [from, Math.min(batchSize, toSeq - from + 1)]);
    return { full: rows.length === batchSize, entries: rows.filter((row) => Number(row.seq) <= toSeq).map(toAuditEntry) };
  };
  let next = fetch(range.fromSeq);
  for (;;) {
    const { full, entries } = await next;
    if (entries.length === 0) return;
    const last = entries[entries.length - 1]!.seq;
    const more = full && entries.length === batchSize && last < toSeq;
    if (more) {
      next = fetch(last + 1);
      // A consumer that stops early never awaits this one; its failure must not go unhandled.
      next.catch(() => undefined);
    }
    yield entries;
    if (!more) return;
  }
}
