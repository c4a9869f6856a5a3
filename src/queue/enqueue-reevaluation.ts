import type { Queue } from 'bullmq';
import type { TrackerName } from '../domain/index.js';
import type { JobPayload } from './job-catalog.js';

export type EnqueueReevaluation = (request: { tracker: TrackerName; ticketKey: string; triggerId: string; reason: string }) => Promise<void>;

/** Queue a re-check of a ticket; one job per trigger (e.g. per evidence record), so repeats are no-ops. */
export function createEnqueueReevaluation(queue: Queue, now: () => Date = () => new Date()): EnqueueReevaluation {
  return async ({ tracker, ticketKey, triggerId, reason }) => {
    const payload: JobPayload<'re-evaluate-ticket'> = { tracker, ticketKey, triggerId, reason, requestedAt: now().toISOString() };
    await queue.add('re-evaluate-ticket', payload, { jobId: `reeval-${triggerId.replace(/[^A-Za-z0-9_-]/g, '_')}` });
  };
}
