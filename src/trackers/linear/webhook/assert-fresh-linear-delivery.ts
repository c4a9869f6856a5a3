import { WebhookRequestError } from '../../webhook/webhook-request-error.js';

/** Linear's own SDK refuses deliveries whose `webhookTimestamp` is more than a minute off. */
export const LINEAR_MAX_CLOCK_SKEW_MS = 60_000;

/**
 * Refuse a replayed delivery: the signature covers `webhookTimestamp`, so an old signed body cannot be
 * freshened. Checked only after the signature matched. https://linear.app/developers/webhooks#securing-webhooks
 */
export function assertFreshLinearDelivery(webhookTimestamp: number, now: number): void {
  if (Math.abs(now - webhookTimestamp) <= LINEAR_MAX_CLOCK_SKEW_MS) return;
  throw new WebhookRequestError(
    401,
    'WEBHOOK_STALE_DELIVERY',
    'Stale delivery: webhookTimestamp is more than 60 s away from the receiver clock. Replays are refused; if live deliveries fail too, sync the server clock (NTP).',
  );
}
