import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { DECIDE_QUEUE, JOB_CATALOG, type JobName } from '../queue/job-catalog.js';
import { retryDelayMs } from '../queue/retry-backoff.js';
import type { TicketLock } from '../queue/ticket-lock.js';
import { TrackerPermanentError } from '../trackers/errors.js';
import type { DecideResult, DecideTransition } from './decide-transition.js';

export interface DecisionWorkerDeps {
  connection: Redis;
  prefix: string;
  concurrency: number;
  decide: DecideTransition;
  lock: TicketLock;
  log: Logger;
  /** How long a job waits before trying again when another job holds its ticket. */
  lockRetryMs?: number;
}

/** The BullMQ worker: validates the payload, serialises per ticket, and maps errors to retry decisions. */
export function createDecisionWorker(deps: DecisionWorkerDeps): Worker {
  const lockRetryMs = deps.lockRetryMs ?? 250;

  const processor = async (job: Job, token?: string): Promise<DecideResult> => {
    if (!(job.name in JOB_CATALOG)) throw new UnrecoverableError(`unknown job "${job.name}"`);
    const parsed = JOB_CATALOG[job.name as JobName].safeParse(job.data);
    if (!parsed.success) {
      throw new UnrecoverableError(`invalid payload for "${job.name}": ${parsed.error.issues[0]?.message ?? 'unknown'}`);
    }
    const payload = parsed.data;
    const { tracker, ticketId } = payload.transition;

    const release = await deps.lock.tryAcquire(`${tracker}:${ticketId}`);
    if (!release) {
      // Another job is deciding this ticket; come back shortly without spending an attempt.
      await job.moveToDelayed(Date.now() + lockRetryMs + Math.floor(Math.random() * lockRetryMs), token);
      throw new DelayedError();
    }
    try {
      return await deps.decide(payload, {
        checkpoint: payload.checkpoint ?? {},
        saveCheckpoint: (checkpoint) => job.updateData({ ...payload, checkpoint }),
        isLastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      });
    } catch (error) {
      if (error instanceof TrackerPermanentError) throw new UnrecoverableError(error.message);
      throw error;
    } finally {
      await release();
    }
  };

  const worker = new Worker(DECIDE_QUEUE, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency,
    settings: { backoffStrategy: (attemptsMade, _type, error) => retryDelayMs(attemptsMade, error) },
  });
  worker.on('failed', (job, error) => {
    deps.log.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: { name: error.name, message: error.message } }, 'decision job failed');
  });
  worker.on('error', (error) => deps.log.error({ err: { name: error.name, message: error.message } }, 'worker error'));
  return worker;
}
