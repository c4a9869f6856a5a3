import type { NormalisedDelivery } from '../../../domain/index.js';
import type { DeliveryContext } from '../../tracker-receiver.js';
import { bodyDigestId } from '../../webhook/body-digest-id.js';
import { WebhookRequestError } from '../../webhook/webhook-request-error.js';
import { normaliseGithubComment } from './normalise-github-comment.js';
import { normaliseGithubIssueEvent } from './normalise-github-issue-event.js';
import { normaliseGithubProjectItem } from './normalise-github-project-item.js';

const EVENT_NAME = /^[a-z][a-z0-9_]{0,49}$/;

/**
 * A GitHub delivery → a gated move, a `/donegate` command, or the reason it is neither. Dispatched on
 * `X-GitHub-Event` (the body alone does not say which event it is); board moves count only into the
 * options of `GITHUB_PROJECT_DONE_OPTIONS` (`context.doneStatusNames`), and none are gated without it. The delivery id is the digest of
 * the signed body, as for Jira: `X-GitHub-Delivery` is not covered by the signature, so a captured body
 * replayed under a fresh id would otherwise be a new job; GitHub's own redeliveries resend the same bytes.
 */
export function normaliseGithubDelivery(body: unknown, context: DeliveryContext): NormalisedDelivery {
  const event = context.eventType?.trim();
  if (!event || !EVENT_NAME.test(event)) {
    throw new WebhookRequestError(400, 'WEBHOOK_BAD_HEADER', 'Required header missing or malformed: x-github-event.');
  }
  const deliveryId = bodyDigestId(context.rawBody);
  switch (event) {
    case 'issues':
      return normaliseGithubIssueEvent(body, deliveryId, context.now);
    case 'issue_comment':
      return normaliseGithubComment(body, deliveryId, context.now);
    case 'projects_v2_item':
      if (!context.doneStatusNames?.length) return { kind: 'ignored', reason: 'not-into-done', deliveryId };
      return normaliseGithubProjectItem(body, deliveryId, context.now, context.doneStatusNames);
    default:
      // `ping` on creation, and whatever else the webhook was subscribed to: acknowledged, not acted on.
      return { kind: 'ignored', reason: 'not-an-issue-update', deliveryId };
  }
}
