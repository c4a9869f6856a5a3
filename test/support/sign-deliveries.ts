import { createHmac, randomUUID } from 'node:crypto';

/** A delivery as a tracker would send it: the exact body bytes and the tracker's own headers. */
export interface SignedDelivery {
  body: string;
  headers: Record<string, string>;
}

function toBody(body: string | object): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function hmacHex(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Sign a body the way a Jira admin webhook with a secret does: `X-Hub-Signature: sha256=<hex>`,
 * `X-Atlassian-Webhook-Identifier` (stable across retries) and `X-Atlassian-Webhook-Retry` from the first retry on.
 *
 * @example
 * const { body, headers } = signJiraDelivery('s3cret', sample, { deliveryId: 'jira-1' });
 * await fetch(`${url}/webhooks/jira`, { method: 'POST', body, headers });
 */
export function signJiraDelivery(
  secret: string,
  body: string | object,
  options: { deliveryId?: string; retry?: number } = {},
): SignedDelivery {
  const text = toBody(body);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'x-hub-signature': `sha256=${hmacHex(secret, text)}`,
    'x-atlassian-webhook-identifier': options.deliveryId ?? randomUUID(),
  };
  if (options.retry !== undefined && options.retry > 0) headers['x-atlassian-webhook-retry'] = String(options.retry);
  return { body: text, headers };
}

/**
 * Sign a body the way Linear does: `Linear-Signature: <hex>`, `Linear-Delivery`, `Linear-Event` (the body's
 * `type` unless given). Linear also checks `webhookTimestamp` in the body: set it near "now" (or pin the
 * receiver's clock) before signing.
 *
 * @example
 * const { body, headers } = signLinearDelivery('s3cret', { ...sample, webhookTimestamp: Date.now() });
 */
export function signLinearDelivery(
  secret: string,
  body: string | object,
  options: { deliveryId?: string; event?: string } = {},
): SignedDelivery {
  const text = toBody(body);
  const bodyType = typeof body === 'object' && body !== null && 'type' in body && typeof body.type === 'string' ? body.type : undefined;
  return {
    body: text,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'linear-signature': hmacHex(secret, text),
      'linear-delivery': options.deliveryId ?? randomUUID(),
      'linear-event': options.event ?? bodyType ?? 'Issue',
    },
  };
}
