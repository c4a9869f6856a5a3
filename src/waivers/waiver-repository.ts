import type { Database } from '../store/database.js';
import type { TrackerName } from '../domain/index.js';
import type { NewWaiver, Waiver } from './waiver.js';

interface WaiverRow {
  id: string;
  tracker: TrackerName;
  ticket_key: string;
  criterion: string;
  advisories: string[];
  reason: string;
  approver: string;
  approved_via: Waiver['approvedVia'];
  expires_at: Date | string;
  created_at: Date | string;
}

export interface WaiverRepository {
  add(waiver: NewWaiver): Promise<Waiver>;
  /** Every waiver of the ticket, expired ones too (so a comment can say one expired), grouped by criterion. */
  forTicket(tracker: TrackerName, ticketKey: string): Promise<Map<string, Waiver[]>>;
}

export function createWaiverRepository(db: Database): WaiverRepository {
  return {
    async add(waiver) {
      const [row] = await db.query<WaiverRow>(
        `INSERT INTO waivers (tracker, ticket_key, criterion, advisories, reason, approver, approved_via, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [waiver.tracker, waiver.ticketKey, waiver.criterion, waiver.advisories, waiver.reason, waiver.approver, waiver.approvedVia, waiver.expiresAt.toISOString()],
      );
      return toWaiver(row!);
    },
    async forTicket(tracker, ticketKey) {
      const rows = await db.query<WaiverRow>('SELECT * FROM waivers WHERE tracker = $1 AND ticket_key = $2 ORDER BY created_at, id', [tracker, ticketKey]);
      const byCriterion = new Map<string, Waiver[]>();
      for (const row of rows) byCriterion.set(row.criterion, [...(byCriterion.get(row.criterion) ?? []), toWaiver(row)]);
      return byCriterion;
    },
  };
}

function toWaiver(row: WaiverRow): Waiver {
  return {
    id: row.id,
    tracker: row.tracker,
    ticketKey: row.ticket_key,
    criterion: row.criterion,
    advisories: row.advisories,
    reason: row.reason,
    approver: row.approver,
    approvedVia: row.approved_via,
    expiresAt: new Date(row.expires_at),
    createdAt: new Date(row.created_at),
  };
}
