import { Redis, type RedisOptions } from 'ioredis';

/**
 * Producers (receivers) fail fast: with the offline queue off, a command sent while Redis is down
 * rejects at once and the receiver answers 503, instead of holding the tracker's request open.
 */
export function createProducerConnection(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
}

/** Workers wait out Redis outages: BullMQ requires `maxRetriesPerRequest: null` for blocking commands. */
export function createWorkerConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...options });
}
