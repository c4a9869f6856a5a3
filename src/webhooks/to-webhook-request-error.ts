import { QueueUnavailableError } from '../queue/enqueue-types.js';
import { WebhookRequestError } from '../trackers/webhook/webhook-request-error.js';

/** Seconds a tracker should wait before retrying when the queue is down. Jira and Linear keep their own schedules. */
export const QUEUE_RETRY_AFTER_SECONDS = 30;

function bodyParserErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  return typeof error.type === 'string' ? error.type : undefined;
}

/**
 * Every failure becomes an answer: ours as they are, body-parser's by its `type`, the queue's as 503, and
 * anything else as 500 (the only status that means "our fault"; the caller logs it).
 */
export function toWebhookRequestError(error: unknown, maxBytes: number): WebhookRequestError {
  if (error instanceof WebhookRequestError) return error;
  if (error instanceof QueueUnavailableError) {
    return new WebhookRequestError(
      503,
      'WEBHOOK_QUEUE_UNAVAILABLE',
      'The job queue is unavailable, so the delivery was not recorded; retry later.',
      { 'Retry-After': String(QUEUE_RETRY_AFTER_SECONDS) },
    );
  }
  switch (bodyParserErrorType(error)) {
    case 'entity.too.large':
      return payloadTooLarge(maxBytes);
    case 'encoding.unsupported':
      return new WebhookRequestError(
        415,
        'WEBHOOK_UNSUPPORTED_MEDIA_TYPE',
        'Compressed bodies are not accepted: send the JSON without Content-Encoding.',
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return new WebhookRequestError(400, 'WEBHOOK_MALFORMED_JSON', 'The body ended early or does not match Content-Length.');
    default:
      // Unknown types (`stream.not.readable`, …) are our own faults: 500 so the tracker retries.
      break;
  }
  return new WebhookRequestError(500, 'WEBHOOK_INTERNAL_ERROR', 'Internal error; the delivery was not recorded. It is safe to retry.');
}

export function payloadTooLarge(maxBytes: number): WebhookRequestError {
  return new WebhookRequestError(
    413,
    'WEBHOOK_PAYLOAD_TOO_LARGE',
    `The body is larger than ${maxBytes} bytes; raise WEBHOOK_MAX_BYTES on donegate if such deliveries are expected.`,
    { Connection: 'close' },
  );
}
