import { isDonegateCommand, type NormalisedDelivery } from '../../../domain/index.js';
import { commandDeliveryId } from '../../webhook/command-delivery-id.js';
import { parsePayload } from '../../webhook/parse-payload.js';
import { toIsoTime } from '../../webhook/to-iso-time.js';
import { githubTicketKey } from '../github-ticket-key.js';
import { githubIssueCommentEventSchema } from './github-payload-schemas.js';

/**
 * An `issue_comment` delivery → a command when a new comment starts with `/donegate`. Edits and
 * deletions are ignored: a command counts as first written, and its comment id makes it one job however
 * often it is delivered. The author is the comment's `user.id`, checked against the approvers later.
 */
export function normaliseGithubComment(body: unknown, deliveryId: string, now: number): NormalisedDelivery {
  const event = parsePayload(githubIssueCommentEventSchema, body, 'The GitHub issue_comment delivery');
  const ticketKey = githubTicketKey(event.repository.full_name, event.issue.number);
  const text = event.comment.body ?? '';
  const authorId = event.comment.user?.id;
  if (event.action !== 'created' || !isDonegateCommand(text) || authorId === undefined) {
    return { kind: 'ignored', reason: 'not-an-issue-update', deliveryId, ticketKey };
  }
  return {
    kind: 'command',
    command: {
      tracker: 'github',
      deliveryId: commandDeliveryId(event.comment.id),
      ticketId: ticketKey,
      ticketKey,
      commentId: event.comment.id,
      authorId,
      text,
      occurredAt: toIsoTime(event.comment.created_at) ?? new Date(now).toISOString(),
    },
  };
}
