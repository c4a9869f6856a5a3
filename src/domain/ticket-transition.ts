import { z } from 'zod';
import { trackerNameSchema } from './tracker-name.js';

/**
 * A tracker delivery reduced to the one thing the gate cares about: a ticket changed status. Built by
 * each tracker's normaliser and carried by the queue; the worker re-reads the ticket, so these fields
 * are hints about what happened, never the truth about the ticket now.
 */
export const ticketTransitionSchema = z.object({
  tracker: trackerNameSchema,
  /**
   * Stable across the tracker's retries, and signed: a delivery header the signature covers, or the
   * digest of the signed body when the tracker's own id is unsigned (Jira).
   */
  deliveryId: z.string().min(1),
  ticketId: z.string().min(1),
  ticketKey: z.string().min(1),
  fromStatusId: z.string().min(1),
  fromStatusName: z.string().optional(),
  toStatusId: z.string().min(1),
  toStatusName: z.string().optional(),
  /** Who moved it (tracker account id). Absent when the tracker did not say. */
  actorId: z.string().optional(),
  /** When the tracker says the change happened (ISO 8601). */
  occurredAt: z.string(),
  /**
   * Its signed timestamp is older than the replay window: a replay, or hopelessly late. The worker
   * records it as a skipped decision (so the audit log shows it) and never acts on it.
   */
  stale: z.literal(true).optional(),
});

export type TicketTransition = z.infer<typeof ticketTransitionSchema>;
