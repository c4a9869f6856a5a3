import { z } from 'zod';

const ticketTransition = z.object({
  tracker: z.enum(['jira', 'linear']),
  deliveryId: z.string().min(1),
  ticketId: z.string().min(1),
  ticketKey: z.string().min(1),
  fromStatusId: z.string().min(1),
  fromStatusName: z.string().optional(),
  toStatusId: z.string().min(1),
  toStatusName: z.string().optional(),
  actorId: z.string().optional(),
  occurredAt: z.string(),
  /** Older than the replay window: recorded as skipped, never acted on. */
  stale: z.literal(true).optional(),
});

const ticketCommand = z.object({
  tracker: z.enum(['jira', 'linear']),
  deliveryId: z.string().min(1),
  ticketId: z.string().min(1),
  ticketKey: z.string().min(1).optional(),
  commentId: z.string().min(1),
  authorId: z.string().min(1),
  text: z.string(),
  occurredAt: z.string(),
});

/**
 * Every job the queue carries: name → payload schema. Handlers are typed against this map, so a job
 * without a handler does not compile, and payloads are re-validated when a worker picks them up.
 */
const moveOutcome = z.union([
  z.object({ moved: z.literal(true), toStatusId: z.string(), toStatusName: z.string().optional(), transitionId: z.string().optional() }),
  z.object({ moved: z.literal(false), reason: z.literal('no-transition'), detail: z.string() }),
]);

export const JOB_CATALOG = {
  'decide-transition': z.object({
    transition: ticketTransition,
    receivedAt: z.string(),
    /** Progress saved by an earlier attempt of the same job (see DecideCheckpoint). */
    checkpoint: z.object({ move: moveOutcome.optional() }).optional(),
  }),
  /** Evidence arrived: re-check the ticket and update its comment and verdict, without moving it. */
  're-evaluate-ticket': z.object({
    tracker: z.enum(['jira', 'linear']),
    ticketKey: z.string().min(1),
    /** Recorded as the decision's delivery id (e.g. `evidence:<id>`), so each trigger is decided once. */
    triggerId: z.string().min(1),
    reason: z.string(),
    requestedAt: z.string(),
  }),
  /** A `/donegate` comment on a ticket: check its author and syntax, then waive (and re-evaluate) or reply why not. */
  'handle-command': z.object({ command: ticketCommand, receivedAt: z.string() }),
} as const;

/** The Redis lock that serialises every job about one ticket, whatever the job. */
export function ticketLockKey(tracker: string, ticketKey: string): string {
  return `${tracker}:${ticketKey.toUpperCase()}`;
}

export type JobName = keyof typeof JOB_CATALOG;
export type JobPayload<Name extends JobName> = z.infer<(typeof JOB_CATALOG)[Name]>;

export const DECIDE_QUEUE = 'decisions';
