import type { TicketCommand } from './ticket-command.js';
import type { TicketTransition } from './ticket-transition.js';

/**
 * Why a well-formed, authentic delivery needs no decision. Answered 2xx all the same. `stale-delivery`:
 * its signed timestamp is older than the replay window, so it is a replay (or far too late to gate anything).
 */
export type IgnoreReason = 'not-an-issue-update' | 'no-status-change' | 'not-into-done' | 'self-made' | 'stale-delivery';

/** What a tracker's normaliser makes of one authentic delivery. */
export type NormalisedDelivery =
  | { kind: 'transition'; transition: TicketTransition }
  | { kind: 'command'; command: TicketCommand }
  | { kind: 'ignored'; reason: IgnoreReason; deliveryId: string; ticketKey?: string };
