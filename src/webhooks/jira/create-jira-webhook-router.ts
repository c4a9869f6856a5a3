import type { Router } from 'express';
import { createWebhookRouter, type WebhookRouterDeps } from '../create-webhook-router.js';
import { jiraReceiver } from './jira-receiver.js';

/**
 * The Jira receiver, to mount at `/webhooks/jira`.
 *
 * @example
 * app.use('/webhooks/jira', createJiraWebhookRouter({ secret: env.JIRA_WEBHOOK_SECRET, maxBytes, enqueue, enqueueCommand, log }));
 */
export function createJiraWebhookRouter(deps: WebhookRouterDeps): Router {
  return createWebhookRouter(jiraReceiver, deps);
}
