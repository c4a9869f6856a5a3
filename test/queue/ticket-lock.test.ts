import { Redis } from 'ioredis';
import { createTicketLock } from '../../src/queue/ticket-lock.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

describe('ticket lock', () => {
  const prefix = uniquePrefix();
  const redis = new Redis(TEST_REDIS_URL);
  afterAll(async () => {
    redis.disconnect();
    await deleteKeys(prefix);
  });

  it('lets one holder at a time decide a ticket, and frees it on release', async () => {
    const lock = createTicketLock(redis, { prefix });
    const release = await lock.tryAcquire('jira:10042');
    expect(release).toBeDefined();
    expect(await lock.tryAcquire('jira:10042')).toBeUndefined();
    expect(await lock.tryAcquire('jira:10043')).toBeDefined();
    await release!();
    expect(await lock.tryAcquire('jira:10042')).toBeDefined();
  });

  it('does not let a holder whose lock expired release the next holder', async () => {
    const lock = createTicketLock(redis, { prefix, ttlMs: 50 });
    const stale = await lock.tryAcquire('linear:abc');
    await new Promise((resolve) => setTimeout(resolve, 80));
    const current = await lock.tryAcquire('linear:abc');
    expect(current).toBeDefined();
    await stale!();
    expect(await lock.tryAcquire('linear:abc')).toBeUndefined();
  });
});
