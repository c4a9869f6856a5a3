import type { Request } from 'express';
import { WebhookRequestError } from '../trackers/webhook/webhook-request-error.js';

/** Printable ASCII without spaces: what Jira and Linear send, and safe as a job id and in logs. */
const DELIVERY_ID = /^[\x21-\x7e]{1,200}$/;

/** The tracker's delivery id, `undefined` when absent or empty; 400 when present but not a sane token. */
export function readDeliveryIdHeader(req: Request, headerName: string): string | undefined {
  const value = req.get(headerName)?.trim();
  if (value === undefined || value === '') return undefined;
  if (!DELIVERY_ID.test(value)) {
    throw new WebhookRequestError(
      400,
      'WEBHOOK_BAD_HEADER',
      `The ${headerName} header must be 1-200 printable ASCII characters without spaces.`,
    );
  }
  return value;
}
