import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DECIDE_QUEUE } from './job-catalog.js';

const DAY_S = 24 * 60 * 60;

/** Retries: transient tracker faults and rate limits. Permanent faults stop at once (UnrecoverableError). */
export const DECIDE_ATTEMPTS = 8;

export function createDecideQueue(connection: Redis, prefix: string): Queue {
  return new Queue(DECIDE_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: DECIDE_ATTEMPTS,
      backoff: { type: 'tracker' },
      // Kept a week so a late retry of the same delivery still finds its job and is dropped; after that
      // the decisions table (one row per delivery) still refuses a second decision.
      removeOnComplete: { age: 7 * DAY_S, count: 100_000 },
      removeOnFail: { age: 30 * DAY_S },
    },
  });
}
