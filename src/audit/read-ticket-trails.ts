import type { Database } from '../store/database.js';
import type { AuditEntry } from './audit-entry.js';
import type { SeqRange } from './read-audit-entries.js';
import { AUDIT_COLUMNS, toAuditEntry, type AuditRow } from './read-audit-entries.js';

/**
 * The ticket entries of a range ordered by tracker, ticket and seq, a batch at a time (keyset pagination
 * on the `audit_log_by_ticket` index), so a report can print each ticket's trail in one piece without
 * holding the period in memory.
 */
export async function* readTicketTrails(db: Database, range: Required<SeqRange>, batchSize = 2000): AsyncGenerator<AuditEntry[]> {
  let after: [string, string, number] = ['', '', 0];
  for (;;) {
    const rows = await db.query<AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log
       WHERE seq BETWEEN $1 AND $2 AND ticket IS NOT NULL AND (tracker, ticket, seq) > ($3, $4, $5)
       ORDER BY tracker, ticket, seq LIMIT $6`,
      [range.fromSeq, range.toSeq, ...after, batchSize],
    );
    if (rows.length === 0) return;
    const batch = rows.map(toAuditEntry);
    const last = batch[batch.length - 1]!;
    after = [last.tracker ?? '', last.ticket ?? '', last.seq];
    yield batch;
    if (rows.length < batchSize) return;
  }
}

/** The entries of a range that concern no ticket (API tokens), in order. */
export async function* readOtherEntries(db: Database, range: Required<SeqRange>, batchSize = 2000): AsyncGenerator<AuditEntry[]> {
  let after = range.fromSeq - 1;
  for (;;) {
    const rows = await db.query<AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq > $1 AND seq <= $2 AND ticket IS NULL ORDER BY seq LIMIT $3`,
      [after, range.toSeq, batchSize],
    );
    if (rows.length === 0) return;
    const batch = rows.map(toAuditEntry);
    after = batch[batch.length - 1]!.seq;
    yield batch;
    if (rows.length < batchSize) return;
  }
}
