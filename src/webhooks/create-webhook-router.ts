import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Logger } from '../logging/logger.js';
import type { EnqueueCommand, EnqueueTransition } from '../queue/enqueue-types.js';
import { deliveryLog, startDeliveryLog } from './delivery-log.js';
import { drainRequest } from './drain-request.js';
import { isContinueHeld } from './expect-continue.js';
import { handleDelivery } from './handle-delivery.js';
import { rejectBeforeReading } from './reject-before-reading.js';
import { sendWebhookError } from './send-webhook-error.js';
import { toWebhookRequestError } from './to-webhook-request-error.js';
import type { TrackerReceiver } from '../trackers/tracker-receiver.js';
import { WebhookRequestError } from '../trackers/webhook/webhook-request-error.js';

export interface WebhookRouterDeps {
  /** The signing secret configured on the tracker's webhook. */
  secret: string;
  /** Larger bodies are refused with 413 (`WEBHOOK_MAX_BYTES`). */
  maxBytes: number;
  enqueue: EnqueueTransition;
  /** `/donegate` comment commands (waivers by comment). */
  enqueueCommand: EnqueueCommand;
  log: Logger;
  /** Milliseconds since the epoch; injected so tests can pin the clock. */
  now?: () => number;
  /** Signed deliveries older than this are answered 2xx, logged as `ignored:stale-delivery` and not acted on. */
  maxAgeMs?: number;
  /** See `DeliveryContext.doneStatusNames`. */
  doneStatusNames?: readonly string[];
}

/**
 * A router answering `POST /` for one tracker; the app mounts it at `/webhooks/<tracker>`. It reads the raw
 * body itself (`express.raw`), so it works whatever global parsers the app installs — as long as they are
 * mounted after it or skip this path.
 */
export function createWebhookRouter(receiver: TrackerReceiver, deps: WebhookRouterDeps): Router {
  const router = express.Router();
  router.use(startDeliveryLog(receiver.tracker, deps.log));
  router.post(
    '/',
    rejectBeforeReading(receiver, deps.maxBytes),
    // `inflate: false`: a compressed body is refused (415) rather than inflated past the size limit.
    express.raw({ type: () => true, limit: deps.maxBytes, inflate: false }),
    handleDelivery(receiver, {
      secret: deps.secret,
      enqueue: deps.enqueue,
      enqueueCommand: deps.enqueueCommand,
      now: deps.now ?? Date.now,
      ...(deps.maxAgeMs === undefined ? {} : { maxAgeMs: deps.maxAgeMs }),
      ...(deps.doneStatusNames === undefined ? {} : { doneStatusNames: deps.doneStatusNames }),
    }),
  );
  router.all('/', (_req, res) => {
    deliveryLog(res).outcome = 'method-not-allowed';
    sendWebhookError(
      res,
      new WebhookRequestError(405, 'WEBHOOK_METHOD_NOT_ALLOWED', `${receiver.label} webhooks are delivered with POST.`, {
        Allow: 'POST',
      }),
    );
  });
  router.use(webhookErrorHandler(deps.maxBytes));
  return router;
}

function webhookErrorHandler(maxBytes: number): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const answer = toWebhookRequestError(error, maxBytes);
    const context = deliveryLog(res);
    if (answer.status >= 500 && answer.code === 'WEBHOOK_INTERNAL_ERROR') context.error = error;
    context.outcome ??= answer.code.replace(/^WEBHOOK_/, '').toLowerCase().replaceAll('_', '-');
    if (res.headersSent) {
      res.end();
      return;
    }
    // A client still waiting for `100 Continue` has sent nothing: answer at once. Any other has its body in
    // flight: read it off (bounded) first, so the 413 reaches it instead of a connection reset.
    if (answer.status === 413 && !isContinueHeld(req)) {
      drainRequest(req, () => sendWebhookError(res, answer));
      return;
    }
    sendWebhookError(res, answer);
  };
}
