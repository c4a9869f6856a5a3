import type { z } from 'zod';
import { describeZodError } from './describe-zod-error.js';
import { WebhookRequestError } from './webhook-request-error.js';

/** Parse with a zod schema or answer 400 naming the failing field (`prefix` locates a nested part). */
export function parsePayload<S extends z.ZodType>(schema: S, value: unknown, what: string, prefix = ''): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new WebhookRequestError(
    400,
    'WEBHOOK_INVALID_PAYLOAD',
    `${what} does not have the expected shape: ${describeZodError(result.error, prefix)}.`,
  );
}
