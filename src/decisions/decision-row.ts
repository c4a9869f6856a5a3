import { z } from 'zod';
import type { TrackerName } from '../domain/index.js';
import { boundSnapshot } from './snapshot-ticket.js';
import type { Decision } from './decision.js';

/** A row of the `decisions` table as `SELECT *` returns it. */
export interface DecisionRow {
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
  ticket_snapshot: unknown;
}

/** The decision a row records; NULL columns become absent fields. */
export function toDecision(row: DecisionRow): Decision {
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
    ...ticketOf(row.ticket_snapshot),
  };
}

/** A stored snapshot's shape; its content is bounded again on the way out, as anyone with write access could have put anything there. */
const storedSnapshotSchema = z.object({ summary: z.string(), assignee: z.string().optional(), project: z.string(), url: z.string().optional() });

/** The stored snapshot, read as hostile: one of another shape is left out, as on older decisions. */
function ticketOf(stored: unknown): Pick<Decision, 'ticket'> {
  const parsed = storedSnapshotSchema.safeParse(stored);
  return parsed.success ? { ticket: boundSnapshot(parsed.data) } : {};
}

/**
 * What the board and the failing-tickets list both show of a ticket's latest, non-passing decision: the
 * rule and mode, the status it was moved back to (a `block` only), the reason, and when.
 */
export function latestDecisionFields(decision: Decision) {
  const { mode, fromStatus } = decision;
  return {
    tracker: decision.tracker,
    ticketKey: decision.ticketKey,
    ...(mode !== undefined ? { mode } : {}),
    ...(decision.rule !== undefined ? { rule: decision.rule } : {}),
    ...(fromStatus !== undefined && mode === 'block' ? { status: fromStatus } : {}),
    ...(decision.reason !== undefined ? { reason: decision.reason } : {}),
    decidedAt: decision.decidedAt,
  };
}
