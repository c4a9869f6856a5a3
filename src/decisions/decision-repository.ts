import type { Database } from '../store/database.js';
import type { TrackerName } from '../domain/index.js';
import type { Decision } from './decision.js';
import { toDecision, type DecisionRow } from './decision-row.js';

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
           rule, mode, policy_hash, criteria, actions, occurred_at, received_at, decided_at, ticket_snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
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
          d.ticket === undefined ? null : JSON.stringify(d.ticket),
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
