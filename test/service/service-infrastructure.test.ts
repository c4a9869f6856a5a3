import { createTokenRepository } from '../../src/auth/index.js';
import { loadConfig } from '../../src/config/env.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { captureLog } from '../support/capture-log.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';
import { TEST_REDIS_URL, uniquePrefix, deleteKeys } from '../support/redis.js';
import { signJiraDelivery } from '../support/sign-deliveries.js';
import { readFile } from 'node:fs/promises';

const SECRET = 'infra-secret';

async function start(redisUrl: string, store: TestDatabase, prefix: string): Promise<RunningService> {
  const config = loadConfig({
    PORT: '0',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    // Receiver only: credentials are never used, the secret is what matters here.
    JIRA_BASE_URL: 'http://127.0.0.1:9',
    JIRA_EMAIL: 'bot@example.com',
    JIRA_API_TOKEN: 'unused',
    JIRA_WEBHOOK_SECRET: SECRET,
  });
  return startService({ config, log: captureLog().log, roles: { receiver: true, worker: false }, trackers: {}, db: store.db });
}

describe('the service on its infrastructure', () => {
  let store: TestDatabase;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    store = await createPgliteTestDatabase();
  });
  afterAll(async () => {
    await store.drop();
    await deleteKeys(prefix);
  });

  it('is healthy and ready when Redis and the database answer', async () => {
    const service = await start(TEST_REDIS_URL, store, prefix);
    try {
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).toBe(200);
      // Ready, and plain that the embedded single-user database cannot keep its owner from rewriting the log.
      expect(await ready.json()).toEqual({ status: 'ready', checks: { redis: 'ok', database: 'ok' }, warnings: [expect.stringMatching(/^the embedded PGlite database has a single user/)] });
    } finally {
      await service.close();
    }
  });

  describe('when Redis is down', () => {
    let service: RunningService;
    beforeAll(async () => {
      service = await start('redis://127.0.0.1:1', store, prefix);
    });
    afterAll(async () => {
      await service.close();
    });

    it('answers a valid delivery with 503 and Retry-After, so the tracker retries', async () => {
      // Stamped now, as Jira stamps a live delivery: the recorded sample is older than the replay window.
      const sample = { ...(JSON.parse(await readFile('webhooks/jira/issue-updated-into-done.json', 'utf8')) as object), timestamp: Date.now() };
      const { body, headers } = signJiraDelivery(SECRET, sample, { deliveryId: 'redis-down-1' });
      const response = await fetch(`${service.url}/webhooks/jira`, { method: 'POST', headers, body });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await response.json()) as { error: { code: string } }).error.code).toMatch(/QUEUE|UNAVAILABLE/);
    });

    it('reports itself not ready, naming Redis, while staying healthy', async () => {
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { checks: Record<string, string> };
      expect(body.checks.redis).toMatch(/^down/);
      expect(body.checks.database).toBe('ok');
    });
  });

  it('answers unknown routes and bad ticket keys with JSON errors, not crashes', async () => {
    const service = await start(TEST_REDIS_URL, store, prefix);
    const { token } = await createTokenRepository(store.db).create({ name: 'infra-auditor', role: 'auditor' });
    const get = (path: string) => fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    try {
      expect((await fetch(`${service.url}/nope`)).status).toBe(404);
      expect((await fetch(`${service.url}/api/v1/tickets/jira/ML-1/decisions`)).status).toBe(401);
      expect((await get('/api/v1/tickets/trello/ML-1/decisions')).status).toBe(404);
      const bad = await get('/api/v1/tickets/jira/not-a-key/decisions');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: { code: 'INVALID_TICKET_KEY', message: expect.stringContaining('ML-142') as string } });
      const none = await get('/api/v1/tickets/jira/ML-1/decisions');
      expect(await none.json()).toEqual({ tracker: 'jira', ticket: 'ML-1', decisions: [] });
      // Linear is not configured here: its receiver says which variable turns it on.
      const off = await fetch(`${service.url}/webhooks/linear`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(off.status).toBe(404);
      expect(JSON.stringify(await off.json())).toContain('LINEAR_WEBHOOK_SECRET');
    } finally {
      await service.close();
    }
  });
});
