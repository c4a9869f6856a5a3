import { createTokenRepository } from '../../src/auth/token-repository.js';
import { loadConfig } from '../../src/config/env.js';
import { DECIDE_QUEUE } from '../../src/queue/job-catalog.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { captureLog } from '../support/capture-log.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

interface QueueListing {
  queues: Array<{ name: string; counts: Record<string, number>; readOnlyMode: boolean; allowRetries: boolean }>;
}

describe('the queue view at /admin/queues', () => {
  const prefix = uniquePrefix();
  const captured = captureLog('debug');
  let store: TestDatabase;
  let service: RunningService;
  const tokens: Record<'admin' | 'scopedAdmin' | 'ci' | 'auditor', string> = { admin: '', scopedAdmin: '', ci: '', auditor: '' };

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /** What a browser sends after its Basic prompt: any user name, the token as password. */
  const basic = (token: string) => ({ authorization: `Basic ${Buffer.from(`ops:${token}`).toString('base64')}` });
  const call = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(`${service.url}/admin/queues${path}`, { method, headers });

  beforeAll(async () => {
    store = await createPgliteTestDatabase();
    const repository = createTokenRepository(store.db);
    tokens.admin = (await repository.create({ name: 'ops', role: 'admin', projects: [] })).token;
    tokens.scopedAdmin = (await repository.create({ name: 'ml-ops', role: 'admin', projects: ['ML'] })).token;
    tokens.ci = (await repository.create({ name: 'pipeline', role: 'ci', projects: [] })).token;
    tokens.auditor = (await repository.create({ name: 'iso', role: 'auditor', projects: [] })).token;
    service = await startService({
      config: loadConfig({ PORT: '0', REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix }),
      log: captured.log,
      roles: { receiver: true, worker: false },
      trackers: {},
      db: store.db,
    });
    // No worker runs, so the job stays waiting for the view to count.
    await service.queue.add('decide-transition', { receivedAt: new Date().toISOString() }, { jobId: 'jira-delivery-1' });
  });
  afterAll(async () => {
    await service.close();
    await store.drop();
    await deleteKeys(prefix);
  });

  it('answers a request without credentials 401 with a Basic challenge, so a browser asks for the token', async () => {
    const response = await call('');

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Basic realm="donegate queues"');
    expect(response.headers.get('www-authenticate')).toContain('Bearer realm="donegate"');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a wrong Basic password 401 with the challenge again', async () => {
    const response = await call('', basic(`dg_${'x'.repeat(43)}`));

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Basic realm="donegate queues"');
  });

  it.each([
    ['ci', 'bearer'],
    ['auditor', 'bearer'],
    ['ci', 'basic'],
    ['auditor', 'basic'],
  ] as const)('refuses a %s token sent as %s with 403', async (role, scheme) => {
    const response = await call('/api/queues', scheme === 'bearer' ? bearer(tokens[role]) : basic(tokens[role]));

    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN_ROLE');
  });

  it('refuses an admin token limited to some projects, since the view shows every project', async () => {
    const response = await call('', bearer(tokens.scopedAdmin));

    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN_PROJECT');
  });

  it.each([
    ['bearer', () => bearer(tokens.admin)],
    ['basic', () => basic(tokens.admin)],
  ])('serves an admin (%s) the page, uncached, with its assets under /admin/queues', async (_scheme, headers) => {
    const page = await call('', headers());

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-powered-by')).toBeNull();
    expect(await page.text()).toContain('<base href="/admin/queues/" />');

    const asset = await call('/static/images/logo.svg', headers());
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('no-store');
  });

  it("lists the decide queue with its job counts in the view's JSON API, read-only and without retries", async () => {
    const response = await call('/api/queues', basic(tokens.admin));

    expect(response.status).toBe(200);
    const { queues } = (await response.json()) as QueueListing;
    expect(queues.map((queue) => queue.name)).toEqual([DECIDE_QUEUE]);
    expect(queues[0]).toMatchObject({ counts: expect.objectContaining({ waiting: 1 }), readOnlyMode: true, allowRetries: false });
  });

  it.each([
    ['PUT', `/api/queues/${DECIDE_QUEUE}/clean/waiting`],
    ['PUT', `/api/queues/${DECIDE_QUEUE}/pause`],
    ['PUT', '/api/queues/pause'],
    ['PUT', `/api/queues/${DECIDE_QUEUE}/empty`],
    ['PUT', `/api/queues/${DECIDE_QUEUE}/jira-delivery-1/clean`],
    ['PUT', `/api/queues/${DECIDE_QUEUE}/jira-delivery-1/promote`],
    ['PUT', `/api/queues/${DECIDE_QUEUE}/retry/failed`],
    ['POST', `/api/queues/${DECIDE_QUEUE}/add`],
  ])('refuses %s %s from an admin with 405 and leaves the queue as it was', async (method, path) => {
    const response = await call(path, { ...bearer(tokens.admin), 'content-type': 'application/json' }, method);

    expect(response.status).toBe(405);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('QUEUE_VIEW_READ_ONLY');
    expect((await service.queue.getJobCounts('waiting')).waiting).toBe(1);
    expect(await service.queue.isPaused()).toBe(false);
  });

  it('takes Basic credentials on the queue view only, never on the /api/v1 routes', async () => {
    const response = await fetch(`${service.url}/api/v1/tickets/failing`, { headers: basic(tokens.admin) });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="donegate"');
  });

  it('logs no credential it was sent', () => {
    const secrets = Object.values(tokens).flatMap((token) => [token, basic(token).authorization.slice('Basic '.length)]);

    expect(captured.lines.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(captured.text()).not.toContain(secret);
  });
});
