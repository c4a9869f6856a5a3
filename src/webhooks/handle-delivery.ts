import type { RequestHandler } from 'express';
import type { EnqueueCommand, EnqueueTransition } from '../queue/enqueue-types.js';
import { requestIdOf } from '../logging/request-logger.js';
import { deliveryLog } from './delivery-log.js';
import { parseJsonBody } from './parse-json-body.js';
import { readDeliveryIdHeader } from './read-delivery-id-header.js';
import type { TrackerReceiver } from '../trackers/tracker-receiver.js';
import { WebhookRequestError } from '../trackers/webhook/webhook-request-error.js';

export interface HandleDeliveryDeps {
  secret: string;
  enqueue: EnqueueTransition;
  /** Where `/donegate` comment commands go; answered like transitions. */
  enqueueCommand: EnqueueCommand;
  now: () => number;
  /** Signed deliveries older than this are answered, logged and ignored (see `DeliveryContext.maxAgeMs`). */
  maxAgeMs?: number;
  /** See `DeliveryContext.doneStatusNames`. */
  doneStatusNames?: readonly string[];
}

/**
 * Verify the raw bytes, then parse, normalise and enqueue — nothing else (STYLE §5–7). The worker re-reads
 * the ticket, so all this answer promises is that the delivery is recorded: 202 for Jira, 200 for Linear
 * (`TrackerReceiver.acknowledgeStatus`).
 */
export function handleDelivery(receiver: TrackerReceiver, deps: HandleDeliveryDeps): RequestHandler {
  return async (req, res) => {
    const context = deliveryLog(res);
    if (req.body !== undefined && !Buffer.isBuffer(req.body)) {
      // A global parser consumed the bytes first; the signature can no longer be checked. Our bug: 500.
      throw new Error('The request body was parsed before the webhook router: mount the webhook routes before any body parser.');
    }
    const rawBody: Buffer = req.body ?? Buffer.alloc(0);
    const signature = req.get(receiver.signatureHeader) ?? '';
    if (!receiver.verifySignature(deps.secret, rawBody, signature)) {
      context.outcome = 'signature-invalid';
      // Vague on purpose (Linear's "Invalid webhook"): say nothing that helps forge one.
      throw new WebhookRequestError(401, 'WEBHOOK_SIGNATURE_INVALID', 'Invalid webhook signature.');
    }
    const body = parseJsonBody(rawBody);
    const deliveryIdHeader = readDeliveryIdHeader(req, receiver.deliveryIdHeader);
    const delivery = receiver.normalise(body, {
      rawBody,
      deliveryIdHeader,
      now: deps.now(),
      ...(deps.maxAgeMs === undefined ? {} : { maxAgeMs: deps.maxAgeMs }),
      ...(receiver.eventHeader === undefined ? {} : { eventType: req.get(receiver.eventHeader) }),
      ...(deps.doneStatusNames === undefined ? {} : { doneStatusNames: deps.doneStatusNames }),
    });

    const keyedOn = delivery.kind === 'ignored' ? delivery.deliveryId : delivery.kind === 'transition' ? delivery.transition.deliveryId : delivery.command.deliveryId;
    if (deliveryIdHeader !== undefined && deliveryIdHeader !== keyedOn) context.trackerDeliveryId = deliveryIdHeader;

    if (delivery.kind === 'ignored') {
      Object.assign(context, { deliveryId: delivery.deliveryId, ticketKey: delivery.ticketKey, outcome: `ignored:${delivery.reason}` });
      // A stale signed delivery is a replay (or hopelessly late): answered so the sender stops, never acted on.
      if (delivery.reason === 'stale-delivery') context.suspicious = true;
      res.status(receiver.acknowledgeStatus).json({ status: 'ignored', reason: delivery.reason, deliveryId: delivery.deliveryId });
      return;
    }

    const { deliveryId, ticketKey } = delivery.kind === 'transition' ? delivery.transition : delivery.command;
    Object.assign(context, { deliveryId, ticketKey });
    const requestId = requestIdOf(req);
    const meta = requestId === undefined ? {} : { requestId };
    const result = delivery.kind === 'transition' ? await deps.enqueue(delivery.transition, meta) : await deps.enqueueCommand(delivery.command, meta);
    if (delivery.kind === 'transition' && delivery.transition.stale === true) {
      // Queued only to be recorded as a skipped decision; to the sender it is ignored, like any replay.
      Object.assign(context, { outcome: 'ignored:stale-delivery', suspicious: true });
      res.status(receiver.acknowledgeStatus).json({ status: 'ignored', reason: 'stale-delivery', deliveryId, jobId: result.jobId });
      return;
    }
    const status = result.status === 'queued' ? 'accepted' : 'duplicate';
    context.outcome = status;
    res.status(receiver.acknowledgeStatus).json({ status, deliveryId, jobId: result.jobId });
  };
}
