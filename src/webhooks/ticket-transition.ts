import type { TrackerName } from '../trackers/tracker.js';
import type { TicketCommand } from './ticket-command.js';

/**
 * A tracker delivery reduced to the one thing the gate cares about: a ticket changed status.
 * Built by each receiver's normaliser; the worker re-reads the ticket, so these fields are hints
 * about what happened, never the truth about the ticket now.
 */
export interface TicketTransition {
  tracker: TrackerName;
  /**
   * Stable across the tracker's retries: Linear `Linear-Delivery`; Jira the digest of the signed body, since
   * Jira's `X-Atlassian-Webhook-Identifier` is unsigned and a replay could simply change it.
   */
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
  /**
   * Its signed timestamp is older than the replay window: a replay, or hopelessly late. The worker records it
   * as a skipped decision (so the audit log shows it) and never acts on it.
   */
  stale?: true;
}

/**
 * Why a well-formed, authentic delivery needs no decision. Answered 2xx all the same. `stale-delivery`: its
 * signed timestamp is older than the replay window, so it is a replay (or far too late to gate anything).
 */
export type IgnoreReason =
  | 'not-an-issue-update'
  | 'no-status-change'
  | 'not-into-done'
  | 'self-made'
  | 'stale-delivery';

export type NormalisedDelivery =
  | { kind: 'transition'; transition: TicketTransition }
  | { kind: 'command'; command: TicketCommand }
  | { kind: 'ignored'; reason: IgnoreReason; deliveryId: string; ticketKey?: string };
