import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createDecideQueue } from '../../src/queue/create-decide-queue.js';
import { createEnqueueTransition } from '../../src/queue/enqueue-transition.js';
import { QueueUnavailableError } from '../../src/queue/enqueue-types.js';
import { jobIdForDelivery } from '../../src/queue/job-id.js';
import { createProducerConnection } from '../../src/queue/redis-connection.js';
import type { TicketTransition } from '../../src/domain/index.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

const transition: TicketTransition = {
  tracker: 'jira',
  deliveryId: 'b3f7:retry:0',
  ticketId: '10042',
  ticketKey: 'ML-142',
  fromStatusId: '3',
  toStatusId: '10001',
  occurredAt: '2026-11-26T10:00:00.000Z',
};

describe('enqueueing a transition', () => {
  const prefix = uniquePrefix();
  let connection: Redis;
  let queue: Queue;
  beforeAll(() => {
    connection = createProducerConnection(TEST_REDIS_URL);
    queue = createDecideQueue(connection, prefix);
  });
  afterAll(async () => {
    await queue.close();
    connection.disconnect();
    await deleteKeys(prefix);
  });

  it('queues a delivery once under a job id derived from it, and calls the repeat a duplicate', async () => {
    const enqueue = createEnqueueTransition(queue);
    const first = await enqueue(transition);
    expect(first).toEqual({ status: 'queued', jobId: jobIdForDelivery('jira', 'b3f7:retry:0') });
    expect(await enqueue(transition)).toEqual({ status: 'duplicate', jobId: first.jobId });
    expect((await queue.getJobCounts('waiting')).waiting).toBe(1);
    const job = await queue.getJob(first.jobId);
    expect(job?.data).toMatchObject({ transition });
  });

  it('gives the same delivery id on different trackers different jobs', () => {
    expect(jobIdForDelivery('jira', 'x')).not.toBe(jobIdForDelivery('linear', 'x'));
    expect(jobIdForDelivery('jira', 'x')).not.toContain(':');
  });
});

describe('enqueueing while Redis is unreachable', () => {
  it('fails fast with QueueUnavailableError so the receiver can answer 503', async () => {
    // Nothing listens on port 1: the connection is refused at once, like a Redis that is down.
    const connection = createProducerConnection('redis://127.0.0.1:1');
    connection.on('error', () => undefined);
    const queue = createDecideQueue(connection, uniquePrefix());
    queue.on('error', () => undefined);
    const started = Date.now();
    await expect(createEnqueueTransition(queue, { timeoutMs: 1500 })(transition)).rejects.toBeInstanceOf(QueueUnavailableError);
    expect(Date.now() - started).toBeLessThan(5000);
    await queue.close().catch(() => undefined);
    connection.disconnect();
  });
});
