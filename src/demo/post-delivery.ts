import { randomUUID } from 'node:crypto';
import type { TrackerName } from '../domain/index.js';
import { hmacSha256Hex } from '../trackers/webhook/hmac-sha256.js';

export interface PostedDelivery {
  status: number;
  answer: Record<string, unknown>;
}

/** Send a body to donegate signed exactly as the tracker signs it, with the tracker's own headers. */
export async function postSignedDelivery(
  baseUrl: string,
  tracker: TrackerName,
  secret: string,
  body: unknown,
  deliveryId: string = randomUUID(),
): Promise<PostedDelivery> {
  const raw = JSON.stringify(body);
  const signature = hmacSha256Hex(secret, raw);
  const headers: Record<string, string> =
    tracker === 'jira'
      ? { 'x-hub-signature': `sha256=${signature}`, 'x-atlassian-webhook-identifier': deliveryId }
      : { 'linear-signature': signature, 'linear-delivery': deliveryId, 'linear-event': String((body as { type?: unknown }).type ?? 'Issue') };
  const response = await fetch(`${baseUrl}/webhooks/${tracker}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw,
  });
  return { status: response.status, answer: (await response.json()) as Record<string, unknown> };
}
