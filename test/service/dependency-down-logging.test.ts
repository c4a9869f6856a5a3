import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { loadConfig } from '../../src/config/env.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { captureLog } from '../support/capture-log.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';
import { uniquePrefix } from '../support/redis.js';
import { waitFor } from '../support/wait-for.js';

const PASSWORD = 'redis-pass-never-logged';

/** A port nothing listens on (yet): taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a service whose Redis is down', () => {
  let store: TestDatabase;
  let service: RunningService | undefined;
  let redis: ChildProcess | undefined;
  afterAll(async () => {
    await service?.close();
    if (redis?.exitCode === null) await new Promise((resolve) => redis!.once('exit', resolve).kill('SIGTERM'));
    await store?.drop();
  });

  it('says so in one error line naming REDIS_URL without the password, repeats it at most once a minute, and logs the recovery', async () => {
    store = await createPgliteTestDatabase();
    const port = await closedPort();
    const clock = { now: Date.parse('2026-12-02T10:00:00Z') };
    const captured = captureLog();
    const config = loadConfig({ PORT: '0', REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:${port}`, QUEUE_PREFIX: uniquePrefix() });
    service = await startService({ config, log: captured.log, roles: { receiver: true, worker: true }, trackers: {}, db: store.db, now: () => new Date(clock.now) });
    const lines = () => captured.lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    const aboutRedis = () => lines().filter((l) => l.msg.includes('Redis at'));

    const [first] = await waitFor(() => (aboutRedis().length > 0 ? aboutRedis() : undefined), { what: 'the Redis-down line' });
    expect(first).toMatchObject({ level: 50, msg: expect.stringMatching(new RegExp(`^cannot reach Redis at redis://127\\.0\\.0\\.1:${port} \\(REDIS_URL\\): .*ECONNREFUSED`)) as string });
    // Every readiness check fails too; within the first minute none of it is another line.
    for (let i = 0; i < 5; i++) expect((await fetch(`${service.url}/readyz`)).status).toBe(503);
    expect(aboutRedis()).toHaveLength(1);

    clock.now += 61_000;
    await fetch(`${service.url}/readyz`);
    await waitFor(() => aboutRedis().length === 2, { what: 'the still-down line' });
    expect(aboutRedis()[1]).toMatchObject({ level: 50, msg: expect.stringMatching(/^still cannot reach Redis at .* \(REDIS_URL\) for 1m, \d+ errors since/) as string });
    for (let i = 0; i < 3; i++) await fetch(`${service.url}/readyz`);
    expect(aboutRedis()).toHaveLength(2);

    clock.now += 30_000;
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', PASSWORD, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const back = await waitFor(() => aboutRedis().find((l) => l.msg.includes('reachable again')), { what: 'the recovery line', timeoutMs: 15_000 });
    expect(back).toMatchObject({ level: 30, msg: `Redis at redis://127.0.0.1:${port} (REDIS_URL) is reachable again after 1m` });
    const url = service.url;
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, { what: 'the service to be ready again' });

    expect(captured.text()).not.toContain(PASSWORD);
    expect(lines().filter((l) => /connection error|worker error/.test(l.msg))).toEqual([]);
  }, 60_000);
});
