import { z } from 'zod';
import { trackerNameSchema } from './tracker-name.js';

/**
 * A comment on a ticket that starts with `/donegate`: a command for the worker to read, check and
 * answer. The receiver only recognises it; who wrote it and what it says are judged later.
 */
export const ticketCommandSchema = z.object({
  tracker: trackerNameSchema,
  /**
   * `comment-<commentId>`: the same for every delivery of the comment, retried or replayed, so it
   * becomes one job id and one decision.
   */
  deliveryId: z.string().min(1),
  /** The tracker's issue id. */
  ticketId: z.string().min(1),
  /** The ticket key, when the delivery carries it (Linear's `data.issue` may be absent). */
  ticketKey: z.string().min(1).optional(),
  commentId: z.string().min(1),
  /** The tracker account id of the comment's author: checked against the policy's approvers. */
  authorId: z.string().min(1),
  /** The comment as plain text (rich bodies are flattened). */
  text: z.string(),
  /** When the comment was written (ISO 8601). */
  occurredAt: z.string(),
});

export type TicketCommand = z.infer<typeof ticketCommandSchema>;
