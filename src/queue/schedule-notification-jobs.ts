import type { Queue } from 'bullmq';
import type { JobName } from './job-catalog.js';

const HOURLY = '0 * * * *';

/**
 * The digest and the waiver-expiry check, each as one BullMQ job scheduler: however many workers start and
 * upsert them, each hour makes one job, so one worker sends each digest. Hourly because the policy's digest
 * hour can change on a reload; the jobs themselves decide whether it is time.
 */
export async function scheduleNotificationJobs(queue: Queue): Promise<void> {
  const scheduled: JobName[] = ['notify-digest', 'notify-waiver-expiry'];
  for (const name of scheduled) {
    await queue.upsertJobScheduler(name, { pattern: HOURLY, tz: 'UTC' }, { name, data: {}, opts: { attempts: 3 } });
  }
}
