import type { Database } from '../store/database.js';
import type { AuditEntry } from './audit-entry.js';

/** A row of `audit_log` as pg and PGlite return it. */
export interface AuditRow {
  seq: string | number;
  at: Date | string;
  type: AuditEntry['type'];
  tracker: string | null;
  ticket: string | null;
  actor: string;
  data: AuditEntry['data'];
  prev_hash: string;
  hash: string;
}

export const AUDIT_COLUMNS = 'seq, at, type, tracker, ticket, actor, data, prev_hash, hash';

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    time: new Date(row.at).toISOString(),
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
  const fetch = async (from: number) =>
    (await db.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3`, [from, toSeq, batchSize])).map(
      toAuditEntry,
    );
  let next = fetch(range.fromSeq);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) return;
    const last = batch[batch.length - 1]!.seq;
    const more = batch.length === batchSize && last < toSeq;
    if (more) {
      next = fetch(last + 1);
      // A consumer that stops early never awaits this one; its failure must not go unhandled.
      next.catch(() => undefined);
    }
    yield batch;
    if (!more) return;
  }
}
