import type { RequestHandler } from 'express';
import { isJsonContentType } from './is-json-content-type.js';
import { deliveryLog } from './delivery-log.js';
import { sendContinue } from './expect-continue.js';
import { readDeliveryIdHeader } from './read-delivery-id-header.js';
import type { TrackerReceiver } from '../trackers/tracker-receiver.js';
import { payloadTooLarge } from './to-webhook-request-error.js';
import { WebhookRequestError } from '../trackers/webhook/webhook-request-error.js';

/**
 * The cheap checks, before a byte of the body is read (octokit's order): media type 415, declared size 413,
 * signature header present 401, delivery-id header sane 400. Refusing early keeps junk and oversized
 * bodies from costing memory or CPU; a client that sent `Expect: 100-continue` is refused before it sends
 * its body at all, and told to go on only once these checks pass.
 */
export function rejectBeforeReading(receiver: TrackerReceiver, maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const context = deliveryLog(res);
    if (!isJsonContentType(req.get('content-type'))) {
      context.outcome = 'unsupported-media-type';
      throw new WebhookRequestError(
        415,
        'WEBHOOK_UNSUPPORTED_MEDIA_TYPE',
        `${receiver.label} webhooks must be sent with Content-Type: application/json.`,
      );
    }
    const declared = req.get('content-length');
    if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
      context.outcome = 'too-large';
      throw payloadTooLarge(maxBytes);
    }
    context.deliveryId = readDeliveryIdHeader(req, receiver.deliveryIdHeader);
    if ((req.get(receiver.signatureHeader) ?? '') === '') {
      context.outcome = 'signature-missing';
      throw new WebhookRequestError(
        401,
        'WEBHOOK_SIGNATURE_MISSING',
        `The ${receiver.signatureHeader} header is missing: ${receiver.secretSetupHint}.`,
      );
    }
    // Passed every check that needs no body: a client sending `Expect: 100-continue` may now send it.
    sendContinue(req, res);
    next();
  };
}
