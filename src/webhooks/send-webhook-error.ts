import type { Response } from 'express';
import type { WebhookRequestError } from '../trackers/webhook/webhook-request-error.js';

/** `{ "error": { "code", "message" } }` with the error's status and headers. */
export function sendWebhookError(res: Response, error: WebhookRequestError): void {
  res.status(error.status).set(error.headers).json({ error: { code: error.code, message: error.message } });
}
