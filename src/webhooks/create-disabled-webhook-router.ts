import express, { type Router } from 'express';
import type { Logger } from '../logging/logger.js';
import { deliveryLog, startDeliveryLog } from './delivery-log.js';
import { sendWebhookError } from './send-webhook-error.js';
import type { TrackerReceiver } from '../trackers/tracker-receiver.js';
import { WebhookRequestError } from '../trackers/webhook/webhook-request-error.js';

/** A tracker whose secret is unset is off: every request gets 404 naming the variable that turns it on. */
export function createDisabledWebhookRouter(receiver: Pick<TrackerReceiver, 'tracker' | 'label' | 'secretEnvVar'>, log: Logger): Router {
  const router = express.Router();
  router.use(startDeliveryLog(receiver.tracker, log));
  router.use((_req, res) => {
    deliveryLog(res).outcome = 'tracker-disabled';
    sendWebhookError(
      res,
      new WebhookRequestError(
        404,
        'WEBHOOK_TRACKER_DISABLED',
        `${receiver.label} webhooks are off: set ${receiver.secretEnvVar} to the webhook's signing secret and restart donegate.`,
      ),
    );
  });
  return router;
}
