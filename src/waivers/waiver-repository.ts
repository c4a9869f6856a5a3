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
  revoked_by?: string | null;
  revoke_reason?: string | null;
  revoked_at?: Date | string | null;
}

/** A waiver with its revocation, if any (`waiver_revocations`: the waivers table itself is append-only). */
const SELECT_WAIVERS = `SELECT w.*, r.revoked_by, r.reason AS revoke_reason, r.revoked_at
  FROM waivers w LEFT JOIN waiver_revocations r ON r.waiver_id = w.id`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WaiverListFilter {
  status?: 'active' | 'inactive';
  tracker?: TrackerName;
  now: Date;
}

export type RevokeOutcome = { status: 'revoked'; waiver: Waiver } | { status: 'not-found' } | { status: 'already-revoked'; waiver: Waiver };

export interface WaiverRepository {
  add(waiver: NewWaiver): Promise<Waiver>;
  /** Every waiver of the ticket, expired ones too (so a comment can say one expired), grouped by criterion. */
  forTicket(tracker: TrackerName, ticketKey: string): Promise<Map<string, Waiver[]>>;
  /** Waivers across tickets, newest first; `inactive`: expired or revoked. */
  list(filter: WaiverListFilter): Promise<Waiver[]>;
  find(id: string): Promise<Waiver | undefined>;
  /** Records that `by` withdrew the waiver; a waiver is revoked once. */
  revoke(id: string, by: string, reason: string): Promise<RevokeOutcome>;
}

export function createWaiverRepository(db: Database): WaiverRepository {
  const find = async (id: string): Promise<Waiver | undefined> => {
    if (!UUID.test(id)) return undefined;
    const [row] = await db.query<WaiverRow>(`${SELECT_WAIVERS} WHERE w.id = $1`, [id]);
    return row ? toWaiver(row) : undefined;
  };
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
      const rows = await db.query<WaiverRow>(`${SELECT_WAIVERS} WHERE w.tracker = $1 AND w.ticket_key = $2 ORDER BY w.created_at, w.id`, [tracker, ticketKey]);
      const byCriterion = new Map<string, Waiver[]>();
      for (const row of rows) byCriterion.set(row.criterion, [...(byCriterion.get(row.criterion) ?? []), toWaiver(row)]);
      return byCriterion;
    },
    async list({ status, tracker, now }) {
      const conditions: string[] = [];
      const params: unknown[] = [];
      if (tracker !== undefined) conditions.push(`w.tracker = $${params.push(tracker)}`);
      if (status !== undefined) {
        const at = `$${params.push(now.toISOString())}`;
        const active = `(w.expires_at > ${at} AND (r.revoked_at IS NULL OR r.revoked_at > ${at}))`;
        conditions.push(status === 'active' ? active : `NOT ${active}`);
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      return (await db.query<WaiverRow>(`${SELECT_WAIVERS} ${where} ORDER BY w.created_at DESC, w.id`, params)).map(toWaiver);
    },
    find,
    async revoke(id, by, reason) {
      const waiver = await find(id);
      if (!waiver) return { status: 'not-found' };
      const inserted = await db.query<{ revoked_at: Date | string }>(
        'INSERT INTO waiver_revocations (waiver_id, revoked_by, reason) VALUES ($1, $2, $3) ON CONFLICT (waiver_id) DO NOTHING RETURNING revoked_at',
        [waiver.id, by, reason],
      );
      if (inserted.length === 0) return { status: 'already-revoked', waiver: (await find(id))! };
      return { status: 'revoked', waiver: { ...waiver, revoked: { by, reason, at: new Date(inserted[0]!.revoked_at) } } };
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
    ...(row.revoked_at ? { revoked: { by: row.revoked_by ?? '', reason: row.revoke_reason ?? '', at: new Date(row.revoked_at) } } : {}),
  };
}
