import type { IRouter } from 'express';
import type { Logger } from '../logging/logger.js';
import type { EnqueueCommand, EnqueueTransition } from '../queue/enqueue-types.js';
import { TRACKER_PLUGINS } from '../trackers/registry.js';
import type { AnyTrackerPlugin, WebhookSettings } from '../trackers/tracker-plugin.js';
import { createDisabledWebhookRouter } from './create-disabled-webhook-router.js';
import { createWebhookRouter } from './create-webhook-router.js';

export interface WebhookRoutesDeps {
  /**
   * Each enabled tracker's secret and replay window, by tracker name. A tracker without an entry (or with
   * an empty secret) is off: its `/webhooks/<name>` answers 404.
   */
  webhooks: Readonly<Partial<Record<string, WebhookSettings>>>;
  /** `WEBHOOK_MAX_BYTES`. */
  maxBytes: number;
  enqueue: EnqueueTransition;
  /** `/donegate` comment commands (waivers by comment). */
  enqueueCommand: EnqueueCommand;
  log: Logger;
  now?: () => number;
  /** The trackers to mount; default every registered one. */
  plugins?: readonly AnyTrackerPlugin[];
}

/**
 * Mount one receiver per registered tracker at `POST /webhooks/<name>`. Call it before any global body
 * parser (each router reads its raw body itself).
 *
 * @example
 * mountWebhookRoutes(app, { webhooks: { jira: { secret } }, maxBytes: env.WEBHOOK_MAX_BYTES, enqueue, enqueueCommand, log });
 */
export function mountWebhookRoutes(app: IRouter, deps: WebhookRoutesDeps): void {
  for (const { receiver, name } of deps.plugins ?? TRACKER_PLUGINS) {
    const path = `/webhooks/${name}`;
    const settings = Object.hasOwn(deps.webhooks, name) ? deps.webhooks[name] : undefined;
    if (settings === undefined || settings.secret === '') {
      app.use(path, createDisabledWebhookRouter(receiver, deps.log));
      continue;
    }
    app.use(
      path,
      createWebhookRouter(receiver, {
        secret: settings.secret,
        maxBytes: deps.maxBytes,
        enqueue: deps.enqueue,
        enqueueCommand: deps.enqueueCommand,
        log: deps.log,
        ...(deps.now === undefined ? {} : { now: deps.now }),
        ...(settings.maxAgeMs === undefined ? {} : { maxAgeMs: settings.maxAgeMs }),
        ...(settings.doneStatusNames === undefined ? {} : { doneStatusNames: settings.doneStatusNames }),
      }),
    );
  }
}
