import { bodyDigestId } from '../../webhook/body-digest-id.js';
import { ownString } from '../../webhook/own-string.js';
import { parsePayload } from '../../webhook/parse-payload.js';
import type { NormalisedDelivery, TicketTransition } from '../../../domain/index.js';
import { toIsoTime } from '../../webhook/to-iso-time.js';
import type { DeliveryContext } from '../../tracker-receiver.js';
import { WebhookRequestError } from '../../webhook/webhook-request-error.js';
import { findStatusChange } from './find-status-change.js';
import { DEFAULT_JIRA_DELIVERY_MAX_AGE_SECONDS, isStaleJiraDelivery } from './jira-delivery-age.js';
import { JiraChangelogOnlySchema, JiraEnvelopeSchema, JiraIssueUpdatedSchema, type JiraEnvelope } from './jira-payload-schema.js';
import { normaliseJiraComment } from './normalise-jira-comment.js';
import { jiraStatusCategory } from './jira-status-category.js';

/**
 * The idempotency key of a Jira delivery: the digest of the signed body. Jira's
 * `X-Atlassian-Webhook-Identifier` is not signed, so keying on it let a captured delivery be replayed
 * under a fresh header as often as anyone liked. Jira retries resend the same body (its `timestamp` is the
 * event's), so retries still collapse onto one job and one recorded decision; distinct events differ in
 * `timestamp` and changelog id. The decision row outlives the BullMQ job, so a replay after the job is
 * removed is still recognised by the worker.
 */
export function jiraDeliveryId(context: DeliveryContext): string {
  return bodyDigestId(context.rawBody);
}

/**
 * A Jira delivery → a status transition worth gating, a `/donegate` comment command, or the reason it is
 * neither. Gated: a
 * `jira:issue_updated` whose changelog has a status item, into a status of category `done` — or of a
 * category the payload does not reveal, which the worker settles by reading the issue.
 */
export function normaliseJiraDelivery(body: unknown, context: DeliveryContext): NormalisedDelivery {
  const deliveryId = jiraDeliveryId(context);
  const envelope = parsePayload(JiraEnvelopeSchema, body, 'The Jira delivery');
  const delivery = normaliseFresh(body, envelope, deliveryId, context);
  if (!isStaleJiraDelivery(envelope.timestamp, context.now, context.maxAgeMs ?? DEFAULT_JIRA_DELIVERY_MAX_AGE_SECONDS * 1000)) return delivery;
  // A replay. A move to Done goes on to be recorded as a skipped decision; anything else is only ignored.
  if (delivery.kind === 'transition') return { kind: 'transition', transition: { ...delivery.transition, stale: true } };
  const envelopeKey = envelope.issue?.key;
  return { kind: 'ignored', reason: 'stale-delivery', deliveryId, ...(envelopeKey === undefined ? {} : { ticketKey: envelopeKey }) };
}

function normaliseFresh(body: unknown, envelope: JiraEnvelope, deliveryId: string, context: DeliveryContext): NormalisedDelivery {
  const envelopeKey = envelope.issue?.key;
  if (envelope.webhookEvent === 'comment_created') {
    const comment = normaliseJiraComment(body, deliveryId, context);
    return comment.kind === 'ignored' && envelopeKey !== undefined ? { ...comment, ticketKey: envelopeKey } : comment;
  }
  if (envelope.webhookEvent !== 'jira:issue_updated') {
    return { kind: 'ignored', reason: 'not-an-issue-update', deliveryId, ...(envelopeKey === undefined ? {} : { ticketKey: envelopeKey }) };
  }

  if (!mentionsStatus(JiraChangelogOnlySchema.parse(body).changelog?.items ?? [])) {
    return { kind: 'ignored', reason: 'no-status-change', deliveryId, ...(envelopeKey === undefined ? {} : { ticketKey: envelopeKey }) };
  }
  const payload = parsePayload(JiraIssueUpdatedSchema, body, 'The Jira issue_updated delivery');
  const ticketKey = payload.issue.key;
  const change = findStatusChange(payload.changelog?.items ?? []);
  if (change === undefined) return { kind: 'ignored', reason: 'no-status-change', deliveryId, ticketKey };

  const { item, index } = change;
  if (typeof item.from !== 'string' || typeof item.to !== 'string' || item.to === '') {
    throw new WebhookRequestError(
      400,
      'WEBHOOK_INVALID_PAYLOAD',
      `The Jira issue_updated delivery does not have the expected shape: changelog.items.${index} changes the status but lacks "from" or "to" status ids.`,
    );
  }
  if (item.from === item.to) return { kind: 'ignored', reason: 'no-status-change', deliveryId, ticketKey };

  const category = jiraStatusCategory(payload.issue.fields?.status, item.to);
  if (category !== undefined && category !== 'done') {
    return { kind: 'ignored', reason: 'not-into-done', deliveryId, ticketKey };
  }

  const fromStatusName = ownString(item, 'fromString');
  const toStatusName = ownString(item, 'toString') ?? payload.issue.fields?.status?.name;
  const actorId = payload.user?.accountId;
  const transition: TicketTransition = {
    tracker: 'jira',
    deliveryId,
    ticketId: payload.issue.id,
    ticketKey,
    fromStatusId: item.from,
    ...(fromStatusName === undefined ? {} : { fromStatusName }),
    toStatusId: item.to,
    ...(toStatusName === undefined ? {} : { toStatusName }),
    ...(actorId === undefined ? {} : { actorId }),
    occurredAt: toIsoTime(payload.timestamp) ?? new Date(context.now).toISOString(),
  };
  return { kind: 'transition', transition };
}

/** Whether any changelog item, well-formed or not, names the status: only then is the whole payload needed. */
function mentionsStatus(items: readonly unknown[]): boolean {
  return items.some(
    (item) => typeof item === 'object' && item !== null && (('fieldId' in item && item.fieldId === 'status') || ('field' in item && item.field === 'status')),
  );
}
