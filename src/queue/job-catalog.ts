import { z } from 'zod';
import { moveOutcomeSchema, notificationEventSchema, ticketCommandSchema, ticketTransitionSchema } from '../domain/index.js';
import { registeredTrackerSchema } from '../trackers/registry.js';

// A job names a tracker this installation knows: a payload for any other is refused when the worker
// validates it, instead of failing later inside a handler.
const transitionJob = ticketTransitionSchema.extend({ tracker: registeredTrackerSchema });
const commandJob = ticketCommandSchema.extend({ tracker: registeredTrackerSchema });

/** The receiving request's `X-Request-Id`, so the worker's lines can be matched with it; absent on older jobs. */
const requestId = z.string().max(128).optional();

// A job retried after an upgrade may carry a failed move saved before trackers worded their own advice
// (`detail` only). Read it as the tracker's explanation, so the retry still comments instead of failing
// validation and dropping the decision.
const savedMove = z.union([
  moveOutcomeSchema,
  z
    .object({ moved: z.literal(false), reason: z.literal('no-transition'), detail: z.string() })
    .transform(({ moved, reason, detail }) => ({
      moved,
      reason,
      explanation: detail,
      fix: "Add a transition back in the tracker's workflow, or re-open the ticket by hand.",
    })),
]);

/**
 * Every job the queue carries: name → payload schema. Handlers are typed against this map, so a job
 * without a handler does not compile, and payloads are re-validated when a worker picks them up.
 */
export const JOB_CATALOG = {
  'decide-transition': z.object({
    transition: transitionJob,
    receivedAt: z.string(),
    /** Progress saved by an earlier attempt of the same job (see DecideCheckpoint). */
    checkpoint: z.object({ move: savedMove.optional() }).optional(),
    requestId,
  }),
  /** Evidence arrived: re-check the ticket and update its comment and verdict, without moving it. */
  're-evaluate-ticket': z.object({
    tracker: registeredTrackerSchema,
    ticketKey: z.string().min(1),
    /** Recorded as the decision's delivery id (e.g. `evidence:<id>`), so each trigger is decided once. */
    triggerId: z.string().min(1),
    reason: z.string(),
    requestedAt: z.string(),
  }),
  /** A `/donegate` comment on a ticket: check its author and syntax, then waive (and re-evaluate) or reply why not. */
  'handle-command': z.object({ command: commandJob, receivedAt: z.string(), requestId }),
  /** Tell the channels the policy routes this event to; each channel hears of an event once. */
  notify: z.object({ event: notificationEventSchema }),
  /** Scheduled hourly (one scheduler, so one worker runs it): at the policy's digest hour, send each digest channel its day. */
  'notify-digest': z.object({}),
  /** Scheduled hourly: announce each waiver that now has `waiverExpiryDays` or fewer left, once. */
  'notify-waiver-expiry': z.object({}),
} as const;

/** The Redis lock that serialises every job about one ticket, whatever the job. */
export function ticketLockKey(tracker: string, ticketKey: string): string {
  return `${tracker}:${ticketKey.toUpperCase()}`;
}

export type JobName = keyof typeof JOB_CATALOG;
export type JobPayload<Name extends JobName> = z.infer<(typeof JOB_CATALOG)[Name]>;

export const DECIDE_QUEUE = 'decisions';
