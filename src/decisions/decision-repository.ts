import type { Database } from '../store/database.js';
import type { TrackerName } from '../domain/index.js';
import type { Decision } from './decision.js';

interface DecisionRow {
  delivery_id: string;
  tracker: TrackerName;
  ticket_key: string;
  ticket_id: string;
  from_status: string | null;
  to_status: string | null;
  outcome: Decision['outcome'];
  reason: string | null;
  rule: string | null;
  mode: Decision['mode'] | null;
  policy_hash: string | null;
  criteria: Decision['criteria'];
  actions: Decision['actions'];
  occurred_at: Date | string | null;
  received_at: Date | string;
  decided_at: Date | string;
}

export interface DecisionRepository {
  /** Records a decision; `false` when this delivery was already decided (the first record stands). */
  record(decision: Decision): Promise<boolean>;
  isDecided(tracker: TrackerName, deliveryId: string): Promise<boolean>;
  /** The decision recorded for a delivery, if any. */
  find(tracker: TrackerName, deliveryId: string): Promise<Decision | undefined>;
  /** The ticket's decisions, oldest first. */
  forTicket(tracker: TrackerName, ticketKey: string): Promise<Decision[]>;
}

export function createDecisionRepository(db: Database): DecisionRepository {
  return {
    async record(d) {
      const rows = await db.query(
        `INSERT INTO decisions (delivery_id, tracker, ticket_key, ticket_id, from_status, to_status, outcome, reason,
           rule, mode, policy_hash, criteria, actions, occurred_at, received_at, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (tracker, delivery_id) DO NOTHING RETURNING id`,
        [
          d.deliveryId,
          d.tracker,
          d.ticketKey,
          d.ticketId,
          d.fromStatus ?? null,
          d.toStatus ?? null,
          d.outcome,
          d.reason ?? null,
          d.rule ?? null,
          d.mode ?? null,
          d.policyHash ?? null,
          JSON.stringify(d.criteria),
          JSON.stringify(d.actions),
          d.occurredAt?.toISOString() ?? null,
          d.receivedAt.toISOString(),
          d.decidedAt.toISOString(),
        ],
      );
      return rows.length === 1;
    },
    async isDecided(tracker, deliveryId) {
      const rows = await db.query('SELECT 1 FROM decisions WHERE tracker = $1 AND delivery_id = $2', [tracker, deliveryId]);
      return rows.length > 0;
    },
    async find(tracker, deliveryId) {
      const [row] = await db.query<DecisionRow>('SELECT * FROM decisions WHERE tracker = $1 AND delivery_id = $2', [tracker, deliveryId]);
      return row ? toDecision(row) : undefined;
    },
    async forTicket(tracker, ticketKey) {
      const rows = await db.query<DecisionRow>(
        'SELECT * FROM decisions WHERE tracker = $1 AND ticket_key = $2 ORDER BY decided_at, id',
        [tracker, ticketKey],
      );
      return rows.map(toDecision);
    },
  };
}

function toDecision(row: DecisionRow): Decision {
  return {
    deliveryId: row.delivery_id,
    tracker: row.tracker,
    ticketKey: row.ticket_key,
    ticketId: row.ticket_id,
    ...(row.from_status !== null ? { fromStatus: row.from_status } : {}),
    ...(row.to_status !== null ? { toStatus: row.to_status } : {}),
    outcome: row.outcome,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.rule !== null ? { rule: row.rule } : {}),
    ...(row.mode !== null ? { mode: row.mode } : {}),
    ...(row.policy_hash !== null ? { policyHash: row.policy_hash } : {}),
    criteria: row.criteria,
    actions: row.actions,
    ...(row.occurred_at !== null ? { occurredAt: new Date(row.occurred_at) } : {}),
    receivedAt: new Date(row.received_at),
    decidedAt: new Date(row.decided_at),
  };
}
