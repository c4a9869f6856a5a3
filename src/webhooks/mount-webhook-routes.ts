import type { IRouter } from 'express';
import type { Logger } from '../logging/logger.js';
import type { EnqueueCommand, EnqueueTransition } from '../queue/enqueue-types.js';
import { createDisabledWebhookRouter } from './create-disabled-webhook-router.js';
import { createWebhookRouter } from './create-webhook-router.js';
import { jiraReceiver } from '../trackers/jira/webhook/jira-receiver.js';
import { linearReceiver } from '../trackers/linear/webhook/linear-receiver.js';
import type { TrackerReceiver } from '../trackers/tracker-receiver.js';

export interface WebhookRoutesDeps {
  /** `JIRA_WEBHOOK_SECRET`; unset or empty → `/webhooks/jira` answers 404. */
  jiraSecret?: string | undefined;
  /** `LINEAR_WEBHOOK_SECRET`; unset or empty → `/webhooks/linear` answers 404. */
  linearSecret?: string | undefined;
  /** `WEBHOOK_MAX_BYTES`. */
  maxBytes: number;
  enqueue: EnqueueTransition;
  /** `/donegate` comment commands (waivers by comment). */
  enqueueCommand: EnqueueCommand;
  log: Logger;
  now?: () => number;
  /** `JIRA_DELIVERY_MAX_AGE_SECONDS`: older signed Jira deliveries are replays, answered 202 and ignored. */
  jiraDeliveryMaxAgeSeconds?: number;
}

/**
 * Mount both receivers: `POST /webhooks/jira` and `POST /webhooks/linear`. Call it before any global body
 * parser (each router reads its raw body itself).
 *
 * @example
 * mountWebhookRoutes(app, { jiraSecret: env.JIRA_WEBHOOK_SECRET, linearSecret: env.LINEAR_WEBHOOK_SECRET,
 *   maxBytes: env.WEBHOOK_MAX_BYTES, enqueue, enqueueCommand, log });
 */
export function mountWebhookRoutes(app: IRouter, deps: WebhookRoutesDeps): void {
  const mount = (receiver: TrackerReceiver, secret: string | undefined, maxAgeSeconds?: number): void => {
    const path = `/webhooks/${receiver.tracker}`;
    if (secret === undefined || secret === '') {
      app.use(path, createDisabledWebhookRouter(receiver, deps.log));
      return;
    }
    app.use(
      path,
      createWebhookRouter(receiver, {
        secret,
        maxBytes: deps.maxBytes,
        enqueue: deps.enqueue,
        enqueueCommand: deps.enqueueCommand,
        log: deps.log,
        ...(deps.now === undefined ? {} : { now: deps.now }),
        ...(maxAgeSeconds === undefined ? {} : { maxAgeMs: maxAgeSeconds * 1000 }),
      }),
    );
  };
  mount(jiraReceiver, deps.jiraSecret, deps.jiraDeliveryMaxAgeSeconds);
  mount(linearReceiver, deps.linearSecret);
}
