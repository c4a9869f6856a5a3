import type { TrackerName } from '../trackers/tracker.js';
import type { TicketCommand } from './ticket-command.js';

/**
 * A tracker delivery reduced to the one thing the gate cares about: a ticket changed status.
 * Built by each receiver's normaliser; the worker re-reads the ticket, so these fields are hints
 * about what happened, never the truth about the ticket now.
 */
export interface TicketTransition {
  tracker: TrackerName;
  /** Stable across the tracker's retries (Jira `X-Atlassian-Webhook-Identifier`, Linear `Linear-Delivery`). */
  deliveryId: string;
  ticketId: string;
  ticketKey: string;
  fromStatusId: string;
  fromStatusName?: string;
  toStatusId: string;
  toStatusName?: string;
  /** Who moved it: Jira accountId / Linear actor id. Absent when the tracker did not say. */
  actorId?: string;
  /** When the tracker says the change happened (ISO 8601). */
  occurredAt: string;
}

/** Why a well-formed, authentic delivery needs no decision. Answered 202 all the same. */
export type IgnoreReason =
  | 'not-an-issue-update'
  | 'no-status-change'
  | 'not-into-done'
  | 'self-made';

export type NormalisedDelivery =
  | { kind: 'transition'; transition: TicketTransition }
  | { kind: 'command'; command: TicketCommand }
  | { kind: 'ignored'; reason: IgnoreReason; deliveryId: string; ticketKey?: string };
