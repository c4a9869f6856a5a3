import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { NotificationEvent } from '../domain/index.js';
import type { JobPayload } from './job-catalog.js';

export type EnqueueNotification = (event: NotificationEvent) => Promise<void>;

/**
 * Queue one `notify` job per event. Its job id comes from the event id, so announcing the same event again
 * (a retried decision job, the hourly waiver check) adds nothing while the first job is kept.
 */
export function createEnqueueNotification(queue: Queue, options: { attempts?: number } = {}): EnqueueNotification {
  return async (event) => {
    const payload: JobPayload<'notify'> = { event };
    const jobId = `notify-${createHash('sha256').update(event.id).digest('hex').slice(0, 40)}`;
    await queue.add('notify', payload, { jobId, ...(options.attempts === undefined ? {} : { attempts: options.attempts }) });
  };
}
