import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TrackerName } from '../domain/index.js';
import { isConnectionError, type DependencyWatch } from '../logging/dependency-watch.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/create-metrics.js';
import { DECIDE_QUEUE, JOB_CATALOG, ticketLockKey, type JobName, type JobPayload } from '../queue/job-catalog.js';
import { retryDelayMs } from '../queue/retry-backoff.js';
import type { TicketLock } from '../queue/ticket-lock.js';
import type { Notify } from '../notify/create-notify.js';
import type { NotifyDigest } from '../notify/create-notify-digest.js';
import type { WaiverExpiryCheck } from '../notify/create-waiver-expiry-check.js';
import type { NotifyResult } from '../notify/notify-deps.js';
import { TrackerPermanentError } from '../trackers/errors.js';
import type { Tracker } from '../trackers/tracker.js';
import type { DecideTransition } from './decide-transition.js';
import type { HandleCommand } from './handle-command.js';
import type { JobResult } from './job-frame.js';
import type { ReevaluateTicket } from './reevaluate-ticket.js';
import { resolveTransitionTicket } from './resolve-transition-ticket.js';

/** One handler per job of the catalog: a job without a handler does not compile. */
export interface JobHandlers {
  'decide-transition': DecideTransition;
  're-evaluate-ticket': ReevaluateTicket;
  'handle-command': HandleCommand;
  notify: Notify;
  'notify-digest': NotifyDigest;
  'notify-waiver-expiry': WaiverExpiryCheck;
}

export interface DecisionWorkerDeps {
  connection: Redis;
  prefix: string;
  concurrency: number;
  handlers: JobHandlers;
  /** Asked for the ticket a delivery names only indirectly, before its lock is taken. */
  trackers: Partial<Record<TrackerName, Tracker>>;
  lock: TicketLock;
  log: Logger;
  /** How long a job waits before trying again when another job holds its ticket. */
  lockRetryMs?: number;
  /** Job duration and queue-wait histograms. */
  metrics?: Pick<Metrics, 'jobDuration' | 'queueWait'>;
  /** Told of the worker's Redis connection errors, which it then logs a few clear lines about, instead of one line each. */
  redisWatch?: Pick<DependencyWatch, 'failed' | 'down'>;
}

type AnyPayload = { [Name in JobName]: { name: Name; payload: JobPayload<Name> } }[JobName];

/** The BullMQ worker: validates the payload, serialises per ticket, and maps errors to retry decisions. */
export function createDecisionWorker(deps: DecisionWorkerDeps): Worker {
  const lockRetryMs = deps.lockRetryMs ?? 250;

  const processor = async (job: Job, token?: string): Promise<JobResult | NotifyResult> => {
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const typed = await keyedByTicket(job, parseJob(job), isLastAttempt);
    // Notifications change no ticket: they run beside the ticket's other jobs, never waiting for its lock.
    if (typed.name === 'notify') return deps.handlers.notify(typed.payload, { isLastAttempt });
    if (typed.name === 'notify-digest') return deps.handlers['notify-digest'](typed.payload, { isLastAttempt });
    if (typed.name === 'notify-waiver-expiry') return deps.handlers['notify-waiver-expiry'](typed.payload);
    const release = await deps.lock.tryAcquire(lockKeyOf(typed));
    if (!release) {
      // Another job is deciding this ticket; come back shortly without spending an attempt.
      await job.moveToDelayed(Date.now() + lockRetryMs + Math.floor(Math.random() * lockRetryMs), token);
      throw new DelayedError();
    }
    try {
      if (typed.name === 'decide-transition') {
        const payload = typed.payload;
        return await deps.handlers['decide-transition'](payload, {
          checkpoint: payload.checkpoint ?? {},
          saveCheckpoint: (checkpoint) => job.updateData({ ...payload, checkpoint }),
          isLastAttempt,
        });
      }
      if (typed.name === 're-evaluate-ticket') return await deps.handlers['re-evaluate-ticket'](typed.payload, { isLastAttempt });
      return await deps.handlers['handle-command'](typed.payload, { isLastAttempt });
    } catch (error) {
      if (error instanceof TrackerPermanentError) throw new UnrecoverableError(error.message);
      throw error;
    } finally {
      await release();
    }
  };

  /**
   * A transition that names its ticket only indirectly is locked, decided and recorded under the ticket's
   * key. The job keeps the key it found, so waiting for the lock or a retry does not look it up again.
   */
  const keyedByTicket = async (job: Job, typed: AnyPayload, isLastAttempt: boolean): Promise<AnyPayload> => {
    if (typed.name !== 'decide-transition') return typed;
    const transition = await resolveTransitionTicket(deps.trackers, typed.payload.transition, { isLastAttempt, log: deps.log });
    if (transition === typed.payload.transition) return typed;
    const payload = { ...typed.payload, transition };
    await job.updateData(payload);
    return { name: typed.name, payload };
  };

  const worker = new Worker(DECIDE_QUEUE, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency,
    settings: { backoffStrategy: (attemptsMade, _type, error) => retryDelayMs(attemptsMade, error) },
  });
  const metrics = deps.metrics;
  if (metrics) {
    worker.on('active', (job) => {
      // Waiting since it was added (plus the delay it was added with): a job put back for a ticket's lock
      // counts its whole time since then, lock waits included.
      const since = job.timestamp + (job.delay ?? 0);
      if (job.processedOn !== undefined) metrics.queueWait.observe({ job: job.name }, Math.max(0, job.processedOn - since) / 1000);
    });
    const observe = (job: Job | undefined, result: 'completed' | 'failed') => {
      if (job?.processedOn === undefined) return;
      metrics.jobDuration.observe({ job: job.name, result }, Math.max(0, (job.finishedOn ?? Date.now()) - job.processedOn) / 1000);
    };
    worker.on('completed', (job) => observe(job, 'completed'));
    worker.on('failed', (job) => observe(job, 'failed'));
  }
  worker.on('failed', (job, error) => {
    const requestId: unknown = (job?.data as { requestId?: unknown } | undefined)?.requestId;
    const fromRequest = typeof requestId === 'string' ? { requestId } : {};
    deps.log.warn({ jobId: job?.id, job: job?.name, ...fromRequest, attemptsMade: job?.attemptsMade, err: { name: error.name, message: error.message } }, 'job failed');
  });
  worker.on('error', (error) => {
    const watch = deps.redisWatch;
    if (watch !== undefined && (watch.down || isConnectionError(error))) watch.failed(error);
    else deps.log.error({ err: { name: error.name, message: error.message } }, 'worker error');
  });
  return worker;
}

type TicketJob = Extract<AnyPayload, { name: 'decide-transition' | 're-evaluate-ticket' | 'handle-command' }>;

/** The ticket a job is about. A Linear command may carry only the issue UUID; its key is not known yet. */
function lockKeyOf(job: TicketJob): string {
  switch (job.name) {
    case 'decide-transition':
      return ticketLockKey(job.payload.transition.tracker, job.payload.transition.ticketKey);
    case 're-evaluate-ticket':
      return ticketLockKey(job.payload.tracker, job.payload.ticketKey);
    case 'handle-command':
      return ticketLockKey(job.payload.command.tracker, job.payload.command.ticketKey ?? job.payload.command.ticketId);
  }
}

/** Validate a job against the catalog; a job no version of donegate could run is not retried. */
function parseJob(job: Job): AnyPayload {
  if (!(job.name in JOB_CATALOG)) throw new UnrecoverableError(`unknown job "${job.name}"`);
  const name = job.name as JobName;
  const parsed = JOB_CATALOG[name].safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(`invalid payload for "${name}": ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  }
  return { name, payload: parsed.data } as AnyPayload;
}
