import { signJiraDelivery, signLinearDelivery, type SignedDelivery } from '../test/support/sign-deliveries.js';
import type { LoadJob } from './load-job.js';

/**
 * `job.count` deliveries signed as the tracker signs them, each with its own delivery id. Linear bodies get
 * `webhookTimestamp` = now, so they pass the receiver's 60-second freshness check while the run lasts.
 * Signed before the clock starts, so the load generator's own HMAC work is not in the figures.
 */
export function signedRequests(job: LoadJob): SignedDelivery[] {
  const template = JSON.parse(job.templateBody) as Record<string, unknown>;
  return Array.from({ length: job.count }, (_, n) => {
    const deliveryId = `${job.idPrefix}-${n}`;
    return job.tracker === 'jira'
      ? signJiraDelivery(job.secret, job.templateBody, { deliveryId })
      : signLinearDelivery(job.secret, { ...template, webhookTimestamp: Date.now() }, { deliveryId });
  });
}
