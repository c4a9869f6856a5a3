/** Stable codes a tracker (or a person reading its delivery log) can act on, fastify-style. */
export type WebhookErrorCode =
  | 'WEBHOOK_TRACKER_DISABLED'
  | 'WEBHOOK_METHOD_NOT_ALLOWED'
  | 'WEBHOOK_UNSUPPORTED_MEDIA_TYPE'
  | 'WEBHOOK_PAYLOAD_TOO_LARGE'
  | 'WEBHOOK_SIGNATURE_MISSING'
  | 'WEBHOOK_SIGNATURE_INVALID'
  | 'WEBHOOK_STALE_DELIVERY'
  | 'WEBHOOK_BAD_HEADER'
  | 'WEBHOOK_MALFORMED_JSON'
  | 'WEBHOOK_INVALID_PAYLOAD'
  | 'WEBHOOK_QUEUE_UNAVAILABLE'
  | 'WEBHOOK_INTERNAL_ERROR';

/**
 * A delivery the receiver refuses, carrying the HTTP answer: status, stable code, a message that says
 * the fix, and any extra headers (`Retry-After`, `Allow`). Messages never quote the body or a signature.
 */
export class WebhookRequestError extends Error {
  override readonly name = 'WebhookRequestError';
  constructor(
    readonly status: number,
    readonly code: WebhookErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
