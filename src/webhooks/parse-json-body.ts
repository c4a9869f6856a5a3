import { WebhookRequestError } from '../trackers/webhook/webhook-request-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Strict UTF-8 JSON. Called only after the signature matched, so a parse error is the sender's bug. */
export function parseJsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(rawBody));
  } catch {
    throw new WebhookRequestError(
      400,
      'WEBHOOK_MALFORMED_JSON',
      rawBody.length === 0
        ? 'The request body is empty: send the webhook JSON document as the body.'
        : 'The request body is not valid UTF-8 JSON: send the webhook JSON document unchanged.',
    );
  }
}
