import { createHmac, randomUUID } from 'node:crypto';

/** What GitHub POSTs to a webhook URL: the body, its exact bytes, and the headers that travel with it. */
export interface GithubWebhookDelivery {
  /** `X-GitHub-Event`: `issues`, `issue_comment`, `projects_v2_item`. */
  event: string;
  /** `X-GitHub-Delivery`: a GUID per delivery (kept when GitHub redelivers it). */
  deliveryId: string;
  body: unknown;
  /** The bytes to POST (and that are signed). */
  rawBody: string;
  /** Lower-case header names; the signatures only when the webhook has a secret. */
  headers: Record<string, string>;
}

/**
 * Serialises and signs a delivery as GitHub does: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the
 * body>` with the webhook secret, and the legacy SHA-1 `X-Hub-Signature` beside it
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads#delivery-headers).
 */
export function signGithubDelivery(event: string, body: unknown, secret: string | undefined, hookId: number): GithubWebhookDelivery {
  const rawBody = JSON.stringify(body);
  const deliveryId = randomUUID();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/simulated',
    'x-github-event': event,
    'x-github-delivery': deliveryId,
    'x-github-hook-id': String(hookId),
  };
  if (secret !== undefined) {
    headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
    headers['x-hub-signature'] = `sha1=${createHmac('sha1', secret).update(rawBody).digest('hex')}`;
  }
  return { event, deliveryId, body, rawBody, headers };
}
