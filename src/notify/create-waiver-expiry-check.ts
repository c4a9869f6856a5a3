import type { Policy } from '../policy/policy.js';
import type { EnqueueNotification } from '../queue/enqueue-notification.js';
import type { JobPayload } from '../queue/job-catalog.js';
import type { WaiverRepository } from '../waivers/waiver-repository.js';
import type { NotifyResult } from './notify-deps.js';

const DAY_MS = 24 * 60 * 60_000;

export interface WaiverExpiryDeps {
  policy: () => Policy;
  waivers: Pick<WaiverRepository, 'list'>;
  enqueue: EnqueueNotification;
  now?: () => Date;
}

/**
 * The hourly `notify-waiver-expiry` job: queue a `waiver-expiring` event for each active waiver within
 * `waiverExpiryDays` of its end. The event id is the waiver's, so each waiver is announced once.
 */
export function createWaiverExpiryCheck(deps: WaiverExpiryDeps) {
  return async function checkWaiverExpiry(_payload: JobPayload<'notify-waiver-expiry'>): Promise<NotifyResult> {
    const policy = deps.policy().notifications;
    if (policy === undefined || !policy.routes.some((route) => route.events.includes('waiver-expiring'))) return { sent: 0, held: 0 };
    const now = (deps.now ?? (() => new Date()))();
    const horizon = now.getTime() + policy.waiverExpiryDays * DAY_MS;
    const expiring = (await deps.waivers.list({ status: 'active', now })).filter((waiver) => waiver.expiresAt.getTime() <= horizon);
    for (const waiver of expiring) {
      await deps.enqueue({
        kind: 'waiver-expiring',
        id: `waiver-expiring:${waiver.id}`,
        tracker: waiver.tracker,
        ticketKey: waiver.ticketKey,
        at: now.toISOString(),
        waiverId: waiver.id,
        criterion: waiver.criterion,
        expiresAt: waiver.expiresAt.toISOString(),
      });
    }
    return { sent: expiring.length, held: 0 };
  };
}

export type WaiverExpiryCheck = ReturnType<typeof createWaiverExpiryCheck>;
