import type { JobPayload } from '../queue/job-catalog.js';
import { countedSend } from './count-send.js';
import { giveUpOrRetry } from './give-up-or-retry.js';
import type { NotifyDeps, NotifyResult } from './notify-deps.js';

/**
 * The hourly `notify-digest` job: at the policy's digest hour (UTC), send each `digest: daily` channel one
 * message listing what it was held, once a day. Runs every hour rather than at a fixed time so a policy
 * reload that moves the hour takes effect without rescheduling.
 */
export function createNotifyDigest(deps: NotifyDeps) {
  return async function notifyDigest(_payload: JobPayload<'notify-digest'>, context: { isLastAttempt: boolean }): Promise<NotifyResult> {
    const result: NotifyResult = { sent: 0, held: 0 };
    const policy = deps.policy().notifications;
    const now = (deps.now ?? (() => new Date()))();
    if (policy === undefined || now.getUTCHours() !== policy.digestHourUtc) return result;
    const day = now.toISOString().slice(0, 10);
    const failures: Array<{ channel: string; error: unknown }> = [];
    for (const [name, channel] of Object.entries(policy.channels)) {
      const digestId = `digest:${name}:${day}`;
      if (channel.digest !== 'daily' || (await deps.sent.has(digestId, name))) continue;
      const notices = await deps.sent.pending(name);
      if (notices.length === 0) continue;
      try {
        await countedSend(deps, name, channel, 'digest', { id: digestId, digest: { day, notices } });
        await deps.sent.markDigested(digestId, name, notices, now);
        result.sent += 1;
      } catch (error) {
        failures.push({ channel: name, error });
      }
    }
    if (failures.length > 0) giveUpOrRetry(deps.log, failures, { event: 'digest', day }, context.isLastAttempt);
    return result;
  };
}

export type NotifyDigest = ReturnType<typeof createNotifyDigest>;
