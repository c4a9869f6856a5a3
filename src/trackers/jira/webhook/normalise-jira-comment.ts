import { isDonegateCommand } from '../../../domain/index.js';
import { commandDeliveryId } from '../../webhook/command-delivery-id.js';
import { parsePayload } from '../../webhook/parse-payload.js';
import type { NormalisedDelivery } from '../../../domain/index.js';
import { toIsoTime } from '../../webhook/to-iso-time.js';
import type { DeliveryContext } from '../../tracker-receiver.js';
import { JiraCommentBodySchema, JiraCommentCreatedSchema } from './jira-comment-schema.js';
import { jiraCommentText } from './jira-comment-text.js';

/**
 * A `comment_created` delivery → a command when the comment starts with `/donegate`; any other comment (or
 * one without a known author, who could never be an approver) is ignored as before.
 */
export function normaliseJiraComment(body: unknown, deliveryId: string, context: DeliveryContext): NormalisedDelivery {
  const text = jiraCommentText(JiraCommentBodySchema.parse(body).comment?.body);
  if (!isDonegateCommand(text)) return { kind: 'ignored', reason: 'not-an-issue-update', deliveryId };
  const payload = parsePayload(JiraCommentCreatedSchema, body, 'The Jira comment_created delivery');
  const ticketKey = payload.issue.key;
  const authorId = payload.comment.author?.accountId;
  if (authorId === undefined) return { kind: 'ignored', reason: 'not-an-issue-update', deliveryId, ticketKey };
  return {
    kind: 'command',
    command: {
      tracker: 'jira',
      deliveryId: commandDeliveryId(payload.comment.id),
      ticketId: payload.issue.id,
      ticketKey,
      commentId: payload.comment.id,
      authorId,
      text,
      occurredAt: toIsoTime(payload.timestamp) ?? new Date(context.now).toISOString(),
    },
  };
}
