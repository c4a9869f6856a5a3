import { z } from 'zod';
import { trackerNameSchema } from './tracker-name.js';

/** What people are told about; a route in the policy's `notifications` picks which of these it sends. */
export const NOTIFICATION_EVENT_KINDS = ['ticket-blocked', 'ticket-unblocked', 'waiver-expiring'] as const;
export const notificationEventKindSchema = z.enum(NOTIFICATION_EVENT_KINDS);
export type NotificationEventKind = z.infer<typeof notificationEventKindSchema>;

const about = {
  /** Stable for the thing announced (`ticket-blocked:<tracker>:<delivery>`): a channel hears of it once. */
  id: z.string().min(1).max(400),
  tracker: trackerNameSchema,
  ticketKey: z.string().min(1).max(200),
  /** When it happened, ISO 8601. */
  at: z.string(),
};

/**
 * One thing to announce. It carries only ids and names donegate made itself: the ticket's title and
 * project are read fresh from the tracker when the notification is sent, and escaped there.
 */
export const notificationEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket-blocked'), ...about, rule: z.string(), failing: z.array(z.string()).max(50) }),
  z.object({ kind: z.literal('ticket-unblocked'), ...about, rule: z.string() }),
  z.object({ kind: z.literal('waiver-expiring'), ...about, waiverId: z.string(), criterion: z.string(), expiresAt: z.string() }),
]);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;
