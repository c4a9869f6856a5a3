import type { CriterionResult, GateMode } from '../domain/index.js';
import type { TicketSnapshot, TrackerName } from '../domain/index.js';

/** `skipped`: nothing to decide (stale move, own move, no rule); `error`: could not decide (ticket gone, bad credentials). */
export type DecisionOutcome = 'pass' | 'fail' | 'skipped' | 'error';

/** One thing donegate did to the ticket, and whether it worked. */
export interface ActionRecord {
  type: 'move' | 'comment' | 'label-add' | 'label-remove' | 'property';
  ok: boolean;
  detail: string;
  at: string;
}

/** The durable record of one delivery decided: what was checked, what was found, what was done. */
export interface Decision {
  deliveryId: string;
  tracker: TrackerName;
  ticketKey: string;
  ticketId: string;
  fromStatus?: string;
  toStatus?: string;
  outcome: DecisionOutcome;
  reason?: string;
  rule?: string;
  mode?: GateMode;
  policyHash?: string;
  criteria: CriterionResult[];
  actions: ActionRecord[];
  occurredAt?: Date;
  receivedAt: Date;
  decidedAt: Date;
  /** The ticket as read for this decision; absent when it was not read, and on decisions recorded before snapshots were kept. */
  ticket?: TicketSnapshot;
}
