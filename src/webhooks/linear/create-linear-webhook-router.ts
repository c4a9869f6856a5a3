import type { Router } from 'express';
import { createWebhookRouter, type WebhookRouterDeps } from '../create-webhook-router.js';
import { linearReceiver } from './linear-receiver.js';

/**
 * The Linear receiver, to mount at `/webhooks/linear`.
 *
 * @example
 * app.use('/webhooks/linear', createLinearWebhookRouter({ secret: env.LINEAR_WEBHOOK_SECRET, maxBytes, enqueue, enqueueCommand, log }));
 */
export function createLinearWebhookRouter(deps: WebhookRouterDeps): Router {
  return createWebhookRouter(linearReceiver, deps);
}
