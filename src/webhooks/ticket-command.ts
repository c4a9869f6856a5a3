import type { TrackerName } from '../trackers/tracker.js';

/**
 * A comment on a ticket that starts with `/donegate`: a command for the worker to read, check and answer
 * (see `parseWaiveCommand`). The receiver only recognises it; who wrote it and what it says are judged later.
 */
export interface TicketCommand {
  tracker: TrackerName;
  /**
   * `comment-<commentId>` (`commandDeliveryId`): the same for every delivery of the comment, retried or
   * replayed, so it becomes one job id and one decision.
   */
  deliveryId: string;
  /** Jira issue id / Linear issue UUID. */
  ticketId: string;
  /** Jira key / Linear identifier, when the delivery carries it (Linear's `data.issue` may be absent). */
  ticketKey?: string;
  commentId: string;
  /** Jira accountId / Linear user id of the comment's author: checked against the policy's approvers. */
  authorId: string;
  /** The comment as plain text (Jira ADF bodies are flattened). */
  text: string;
  /** When the comment was written (ISO 8601). */
  occurredAt: string;
}
