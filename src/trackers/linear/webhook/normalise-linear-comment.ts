import { isDonegateCommand } from '../../../domain/index.js';
import { commandDeliveryId } from '../../webhook/command-delivery-id.js';
import { parsePayload } from '../../webhook/parse-payload.js';
import type { NormalisedDelivery } from '../../../domain/index.js';
import { toIsoTime } from '../../webhook/to-iso-time.js';
import type { DeliveryContext } from '../../tracker-receiver.js';
import { LinearCommentBodySchema, LinearCommentDataSchema } from './linear-comment-schema.js';
import type { LinearEnvelope } from './linear-payload-schema.js';

/**
 * A `Comment` `create` delivery → a command when the comment starts with `/donegate`; any other comment (or
 * one without an author, who could never be an approver) is ignored as before. The author is `data.userId`,
 * else the delivery's `actor`.
 */
export function normaliseLinearComment(envelope: LinearEnvelope, deliveryId: string, context: DeliveryContext): NormalisedDelivery {
  const text = LinearCommentBodySchema.parse(envelope.data)?.body ?? '';
  if (!isDonegateCommand(text)) return { kind: 'ignored', reason: 'not-an-issue-update', deliveryId };
  const comment = parsePayload(LinearCommentDataSchema, envelope.data, 'The Linear Comment create', 'data');
  const ticketKey = comment.issue?.identifier;
  const authorId = comment.userId ?? envelope.actor?.id;
  if (authorId === undefined) {
    return { kind: 'ignored', reason: 'not-an-issue-update', deliveryId, ...(ticketKey === undefined ? {} : { ticketKey }) };
  }
  return {
    kind: 'command',
    command: {
      tracker: 'linear',
      deliveryId: commandDeliveryId(comment.id),
      ticketId: comment.issueId,
      ...(ticketKey === undefined ? {} : { ticketKey }),
      commentId: comment.id,
      authorId,
      text,
      occurredAt: toIsoTime(comment.createdAt) ?? toIsoTime(envelope.webhookTimestamp) ?? new Date(context.now).toISOString(),
    },
  };
}
