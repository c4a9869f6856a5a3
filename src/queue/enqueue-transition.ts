import type { Queue } from 'bullmq';
import type { TicketTransition } from '../webhooks/ticket-transition.js';
import { QueueUnavailableError, type EnqueueTransition } from './enqueue-types.js';
import type { JobPayload } from './job-catalog.js';
import { jobIdForDelivery } from './job-id.js';

/**
 * Put a transition on the queue under its delivery's job id. Bounded by `timeoutMs`: a tracker waits
 * only seconds for an answer (Linear 5 s), and a 503 makes it retry, which is better than a timeout.
 */
export function createEnqueueTransition(
  queue: Queue,
  options: { timeoutMs?: number; now?: () => Date; isConnected?: () => boolean } = {},
): EnqueueTransition {
  const timeoutMs = options.timeoutMs ?? 2000;
  const now = options.now ?? (() => new Date());
  return async (transition: TicketTransition) => {
    // Known to be disconnected: answer at once rather than wait out the timeout.
    if (options.isConnected && !options.isConnected()) {
      throw new QueueUnavailableError('the job queue is unavailable: Redis is not connected (check REDIS_URL)');
    }
    const jobId = jobIdForDelivery(transition.tracker, transition.deliveryId);
    const payload: JobPayload<'decide-transition'> = { transition, receivedAt: now().toISOString() };
    const work = async () => {
      // One cheap round trip on the job's hash rather than getJob, which fetches and decodes the whole job.
      if ((await (await queue.client).hexists(queue.toKey(jobId), 'data')) === 1) return { status: 'duplicate' as const, jobId };
      await queue.add('decide-transition', payload, { jobId });
      return { status: 'queued' as const, jobId };
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
  };
}
