import { bodyDigestId } from '../../webhook/body-digest-id.js';
import { parsePayload } from '../../webhook/parse-payload.js';
import type { NormalisedDelivery, TicketTransition } from '../../../domain/index.js';
import { toIsoTime } from '../../webhook/to-iso-time.js';
import type { DeliveryContext } from '../../tracker-receiver.js';
import { WebhookRequestError } from '../../webhook/webhook-request-error.js';
import { linearIssueKey } from './linear-issue-key.js';
import { LinearIssueDataSchema, type LinearEnvelope } from './linear-payload-schema.js';
import { normaliseLinearComment } from './normalise-linear-comment.js';

/**
 * `Linear-Delivery` identifies the delivery. Without it, `webhookId` + `webhookTimestamp` is unique per
 * send (a dash, not a colon: BullMQ refuses `:` in job ids); the body digest is the last resort.
 */
export function linearDeliveryId(envelope: LinearEnvelope, context: DeliveryContext): string {
  if (context.deliveryIdHeader !== undefined) return context.deliveryIdHeader;
  if (envelope.webhookId !== undefined) return `${envelope.webhookId}-${Math.trunc(envelope.webhookTimestamp)}`;
  return bodyDigestId(context.rawBody);
}

/**
 * A Linear delivery → a state change worth gating, a `/donegate` comment command, or the reason it is
 * neither. Gated: an `Issue` `update` whose `updatedFrom.stateId` differs from `data.stateId` (older
 * payloads repeat unchanged keys, so the key alone proves nothing), into a state of type `completed` — or
 * of a type the payload does not reveal, which the worker settles by reading the issue.
 */
export function normaliseLinearDelivery(envelope: LinearEnvelope, context: DeliveryContext): NormalisedDelivery {
  const deliveryId = linearDeliveryId(envelope, context);
  if (envelope.type === 'Comment' && envelope.action === 'create') return normaliseLinearComment(envelope, deliveryId, context);
  if (envelope.type !== 'Issue' || envelope.action !== 'update') {
    return { kind: 'ignored', reason: 'not-an-issue-update', deliveryId };
  }

  // Lenient first: only a move into a completed (or unrevealed) state needs the issue's id, state and key.
  const issue = parsePayload(LinearIssueDataSchema, envelope.data ?? {}, 'The Linear Issue update', 'data');
  const ticketKey = linearIssueKey(issue);
  const known = ticketKey === undefined ? {} : { ticketKey };
  const previousStateId = envelope.updatedFrom?.stateId;
  if (typeof previousStateId !== 'string' || previousStateId === '' || previousStateId === issue.stateId) {
    return { kind: 'ignored', reason: 'no-status-change', deliveryId, ...known };
  }

  const state = issue.state?.id === issue.stateId ? issue.state : undefined;
  if (state?.type !== undefined && state.type !== 'completed') {
    return { kind: 'ignored', reason: 'not-into-done', deliveryId, ...known };
  }
  const missing = [
    ...(issue.id === undefined ? ['data.id'] : []),
    ...(issue.stateId === undefined ? ['data.stateId'] : []),
    ...(ticketKey === undefined ? ['data.identifier (or data.team.key and data.number)'] : []),
  ];
  if (issue.id === undefined || issue.stateId === undefined || ticketKey === undefined) {
    throw new WebhookRequestError(
      400,
      'WEBHOOK_INVALID_PAYLOAD',
      `The Linear Issue update changes the state but lacks what the decision needs: ${missing.join(', ')}.`,
    );
  }

  const toStatusName = state?.name;
  const actorId = envelope.actor?.id;
  const transition: TicketTransition = {
    tracker: 'linear',
    deliveryId,
    ticketId: issue.id,
    ticketKey,
    fromStatusId: previousStateId,
    toStatusId: issue.stateId,
    ...(toStatusName === undefined ? {} : { toStatusName }),
    ...(actorId === undefined ? {} : { actorId }),
    occurredAt:
      toIsoTime(issue.updatedAt) ?? toIsoTime(envelope.webhookTimestamp) ?? new Date(context.now).toISOString(),
  };
  return { kind: 'transition', transition };
}
