import type { Database } from '../store/database.js';
import type { AuditEntry } from './audit-entry.js';
import { AUDIT_COLUMNS, toAuditEntry, type AuditRow } from './read-audit-entries.js';

/** Every entry about one ticket, oldest first (the `audit_log_by_ticket` index). */
export async function readTicketHistory(db: Database, tracker: string, ticketKey: string): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE tracker = $1 AND ticket = $2 ORDER BY seq`,
    [tracker, ticketKey],
  );
  return rows.map(toAuditEntry);
}
