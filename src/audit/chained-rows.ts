import * as crypto from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../store/database.js';
import type { AuditEvent } from './audit-entry.js';
import { rowRefSchema } from './audit-event-catalog.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';

/** The tables whose rows the chain vouches for, and the entry that records each row when it is written. */
export const CHAINED_TABLES = rowRefSchema.shape.table.options;
export type ChainedTable = (typeof CHAINED_TABLES)[number];

/** `data.row` of an entry that records a row: which row, and the hash of its content when it was recorded. */
export type RowRef = z.infer<typeof rowRefSchema>;

/**
 * sha256 (hex) of canonicalJson(to_jsonb(row)) as UTF-8, the row read with the session time zone set to
 * UTC so timestamps read `2026-12-02T06:35:03.123456+00:00` whoever reads them. Every stored column is
 * covered, including ones later migrations add.
 */
export function hashRow(row: JsonValue): string {
  return crypto.createHash('sha256').update(canonicalJson(row), 'utf8').digest('hex');
}

/** Run `work` in a transaction whose rows read with UTC timestamps (see hashRow). */
export function readingInUtc<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL TimeZone TO 'UTC'`);
    return work(tx);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface FoundRow {
  id: string;
  row: JsonValue;
}

/**
 * For each event that records a row (a decision, accepted evidence, a created waiver), the reference to
 * that row as stored now, in the caller's transaction (which must read in UTC). Events whose row is not
 * in the database get none: the entry then vouches for no row.
 */
export async function findRowRefs(tx: Database, events: readonly AuditEvent[]): Promise<Array<RowRef | undefined>> {
  const ids = (type: AuditEvent['type'], key: string) =>
    events.filter((e) => e.type === type).map((e) => String(e.data[key])).filter((id) => UUID.test(id));
  const byId = async (table: 'evidence' | 'waivers', wanted: string[]) => {
    if (wanted.length === 0) return new Map<string, FoundRow>();
    const rows = await tx.query<FoundRow>(`SELECT id::text AS id, to_jsonb(t) AS row FROM ${table} t WHERE id = ANY($1::uuid[])`, [wanted]);
    return new Map(rows.map((r) => [r.id, r]));
  };
  const evidence = await byId('evidence', ids('evidence-accepted', 'evidenceId'));
  const waivers = await byId('waivers', ids('waiver-created', 'waiverId'));
  const decisionEvents = events.filter((e) => e.type === 'decision' && e.tracker !== null);
  const decisions = new Map<string, FoundRow>();
  if (decisionEvents.length > 0) {
    const rows = await tx.query<FoundRow & { tracker: string; delivery_id: string }>(
      `SELECT id::text AS id, tracker, delivery_id, to_jsonb(t) AS row FROM decisions t WHERE tracker = ANY($1) AND delivery_id = ANY($2)`,
      [[...new Set(decisionEvents.map((e) => e.tracker))], decisionEvents.map((e) => String(e.data.deliveryId))],
    );
    for (const row of rows) decisions.set(`${row.tracker}\u0000${row.delivery_id}`, row);
  }
  const ref = (table: ChainedTable, found: FoundRow | undefined): RowRef | undefined =>
    found ? { table, id: found.id, hash: hashRow(found.row) } : undefined;
  return events.map((event) => {
    if (event.type === 'evidence-accepted') return ref('evidence', evidence.get(String(event.data.evidenceId)));
    if (event.type === 'waiver-created') return ref('waivers', waivers.get(String(event.data.waiverId)));
    if (event.type === 'decision') return ref('decisions', decisions.get(`${event.tracker ?? ''}\u0000${String(event.data.deliveryId)}`));
    return undefined;
  });
}
