import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * One ticket is decided by one job at a time, across every worker process: a Redis lock per ticket
 * (SET NX with expiry; released only by its holder). The expiry frees the ticket if a worker dies.
 */
export interface TicketLock {
  /** A release function when the lock was taken; `undefined` when another job holds it. */
  tryAcquire(ticket: string): Promise<(() => Promise<void>) | undefined>;
}

const RELEASE_IF_HOLDER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export function createTicketLock(redis: Redis, options: { prefix: string; ttlMs?: number }): TicketLock {
  const ttlMs = options.ttlMs ?? 60_000;
  return {
    async tryAcquire(ticket) {
      const key = `${options.prefix}:ticket-lock:${ticket}`;
      const token = randomUUID();
      const taken = await redis.set(key, token, 'PX', ttlMs, 'NX');
      if (taken !== 'OK') return undefined;
      return async () => {
        await redis.eval(RELEASE_IF_HOLDER, 1, key, token);
      };
    },
  };
}
