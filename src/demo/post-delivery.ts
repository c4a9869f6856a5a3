import type { DemoDelivery } from './demo-trackers.js';

export interface PostedDelivery {
  status: number;
  answer: Record<string, unknown>;
}

/** Send a delivery to donegate's receiver for the tracker, byte for byte, with the headers the tracker sent. */
export async function postDelivery(baseUrl: string, tracker: string, { rawBody, headers }: DemoDelivery): Promise<PostedDelivery> {
  const response = await fetch(`${baseUrl}/webhooks/${encodeURIComponent(tracker)}`, { method: 'POST', headers, body: rawBody });
  return { status: response.status, answer: (await response.json()) as Record<string, unknown> };
}
