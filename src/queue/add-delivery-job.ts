import type { Queue } from 'bullmq';
import { QueueUnavailableError, type EnqueueResult } from './enqueue-types.js';
import type { JobName, JobPayload } from './job-catalog.js';

export interface AddDeliveryJobOptions {
  timeoutMs?: number;
  isConnected?: () => boolean;
}

/**
 * Add a delivery's job unless its id is already queued (a tracker retry → `duplicate`), within `timeoutMs`:
 * a tracker waits only seconds for an answer (Linear 5 s), and a 503 makes it retry, which beats a timeout.
 */
export async function addDeliveryJob<Name extends JobName>(
  queue: Queue,
  name: Name,
  payload: JobPayload<Name>,
  jobId: string,
  options: AddDeliveryJobOptions = {},
): Promise<EnqueueResult> {
  const timeoutMs = options.timeoutMs ?? 2000;
  if (options.isConnected && !options.isConnected()) {
    throw new QueueUnavailableError('the job queue is unavailable: Redis is not connected (check REDIS_URL)');
  }
  const work = async (): Promise<EnqueueResult> => {
    // One cheap round trip on the job's hash rather than getJob, which fetches and decodes the whole job.
    if ((await (await queue.client).hexists(queue.toKey(jobId), 'data')) === 1) return { status: 'duplicate', jobId };
    await queue.add(name, payload, { jobId });
    return { status: 'queued', jobId };
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(`the job queue did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    if (error instanceof QueueUnavailableError) throw error;
    throw new QueueUnavailableError('the job queue is unavailable (is Redis up? check REDIS_URL)', { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
