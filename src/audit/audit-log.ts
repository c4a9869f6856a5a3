import type { Database } from '../store/database.js';
import { GENESIS_HASH, type AuditEntry, type AuditEvent } from './audit-entry.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { findRowRefs } from './chained-rows.js';
import { hashEntry } from './hash-entry.js';

/** Appends entries to the hash chain. Injected wherever something auditable happens. */
export interface AuditLog {
  /**
   * Append one entry and resolve with it once it is committed. Some entries are recorded once only: a
   * `waiver-expired` event for a waiver already recorded as expired, or a `decision` for a delivery
   * whose decision is already in the log, appends nothing and resolves with undefined.
   */
  append(event: AuditEvent): Promise<AuditEntry | undefined>;
}

export interface AuditLogOptions {
  now?: () => Date;
  /** The most entries written in one transaction (default 500). */
  maxBatch?: number;
}

/** An arbitrary constant, next to the migrations' lock: serialises appends across every process on the database. */
export const AUDIT_APPEND_LOCK = 4_201_956;

interface Pending {
  event: AuditEvent;
  resolve: (entry: AuditEntry | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * The audit log in the `audit_log` table. Each append takes a transaction-scoped advisory lock, reads the
 * head (last seq and hash), hashes the new entries onto it and inserts them: sequence numbers stay
 * gap-free and the chain linear however many processes append at once. Appends made while a write is in
 * flight are written together in the next transaction (group commit), which keeps throughput up under
 * many concurrent jobs without loosening the order.
 * @example
 * const audit = createAuditLog(db);
 * await audit.append({ type: 'token-revoked', tracker: null, ticket: null, actor: 'cli', data: { tokenId } });
 */
export function createAuditLog(db: Database, options: AuditLogOptions = {}): AuditLog {
  const now = options.now ?? (() => new Date());
  const maxBatch = options.maxBatch ?? 500;
  const pending: Pending[] = [];
  let draining = false;

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0, maxBatch);
        try {
          const entries = await writeBatch(db, batch.map((p) => p.event), now);
          batch.forEach((p, i) => p.resolve(entries[i]));
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    append(event) {
      return new Promise((resolve, reject) => {
        // Normalised before queueing, so a value with no JSON form fails its own caller, not the whole batch.
        pending.push({ event: normaliseEvent(event), resolve, reject });
        if (!draining) void drain();
      });
    },
  };
}

interface HeadRow {
  seq: string | number;
  at: Date | string;
  hash: string;
}

async function writeBatch(db: Database, events: AuditEvent[], now: () => Date): Promise<Array<AuditEntry | undefined>> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
    // Rows are hashed as read in UTC, so the hash of a decision, evidence or waiver row does not depend on who reads it.
    await tx.query(`SET LOCAL TimeZone TO 'UTC'`);
    // A separate statement after the lock, so its snapshot includes every append committed before ours.
    const [head] = await tx.query<HeadRow>('SELECT seq, at, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const recorded = await onceOnlyEntriesRecorded(tx, events);
    const rowRefs = await findRowRefs(tx, events);

    let seq = head ? Number(head.seq) : 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    // Times never go backwards along the chain, even across machines with drifting clocks, so a period
    // of time is always one contiguous range of sequence numbers.
    let lastTime = head ? new Date(head.at).getTime() : 0;
    const entries: Array<AuditEntry | undefined> = [];
    const params: unknown[] = [];
    const rows: string[] = [];
    for (const [index, recordedEvent] of events.entries()) {
      const rowRef = rowRefs[index];
      // The entry that records a decision, evidence or waiver carries the row's hash: editing the row later breaks verify.
      const event = rowRef ? { ...recordedEvent, data: { ...recordedEvent.data, row: { ...rowRef } } } : recordedEvent;
      const once = onceOnlyKey(event);
      if (once !== undefined) {
        if (recorded.has(once)) {
          entries.push(undefined);
          continue;
        }
        recorded.add(once);
      }
      lastTime = Math.max(now().getTime(), lastTime);
      seq += 1;
      const unhashed = { seq, time: new Date(lastTime).toISOString(), ...event, prevHash };
      const entry: AuditEntry = { ...unhashed, hash: hashEntry(unhashed) };
      prevHash = entry.hash;
      entries.push(entry);
      const base = params.length;
      rows.push(`(${Array.from({ length: 9 }, (_, i) => `$${base + i + 1}`).join(', ')})`);
      params.push(entry.seq, entry.time, entry.type, entry.tracker, entry.ticket, entry.actor, JSON.stringify(entry.data), entry.prevHash, entry.hash);
    }
    if (rows.length > 0) {
      await tx.query(`INSERT INTO audit_log (seq, at, type, tracker, ticket, actor, data, prev_hash, hash) VALUES ${rows.join(', ')}`, params);
    }
    return entries;
  });
}

/** Entries the log holds at most once (unique indexes back this up): an expired waiver, a delivery's decision. */
const waiverExpiredKey = (waiverId: string) => `waiver-expired\u0000${waiverId}`;
const decisionKey = (tracker: string | null, deliveryId: string) => `decision\u0000${tracker ?? ''}\u0000${deliveryId}`;

function onceOnlyKey(event: AuditEvent): string | undefined {
  if (event.type === 'waiver-expired') return waiverExpiredKey(String(event.data.waiverId));
  if (event.type === 'decision') return decisionKey(event.tracker, String(event.data.deliveryId));
  return undefined;
}

async function onceOnlyEntriesRecorded(tx: Database, events: AuditEvent[]): Promise<Set<string>> {
  const keys = new Set<string>();
  const waiverIds = events.filter((e) => e.type === 'waiver-expired').map((e) => String(e.data.waiverId));
  if (waiverIds.length > 0) {
    const rows = await tx.query<{ id: string }>(`SELECT data->>'waiverId' AS id FROM audit_log WHERE type = 'waiver-expired' AND data->>'waiverId' = ANY($1)`, [waiverIds]);
    for (const row of rows) keys.add(waiverExpiredKey(row.id));
  }
  const deliveryIds = events.filter((e) => e.type === 'decision').map((e) => String(e.data.deliveryId));
  if (deliveryIds.length > 0) {
    const rows = await tx.query<{ tracker: string | null; id: string }>(
      `SELECT tracker, data->>'deliveryId' AS id FROM audit_log WHERE type = 'decision' AND data->>'deliveryId' = ANY($1)`,
      [deliveryIds],
    );
    for (const row of rows) keys.add(decisionKey(row.tracker, row.id));
  }
  return keys;
}

/**
 * The event exactly as it will read back from the database: `jsonb` drops undefined members and cannot
 * hold U+0000, so both are settled here, before hashing.
 */
function normaliseEvent(event: AuditEvent): AuditEvent {
  canonicalJson(event.data); // throws NotCanonicalError for NaN and the like, which JSON.stringify would turn into null
  const data = JSON.parse(JSON.stringify(event.data).replaceAll('\\u0000', '\\ufffd')) as { [key: string]: JsonValue };
  return { type: event.type, tracker: event.tracker, ticket: event.ticket, actor: event.actor, data };
}
