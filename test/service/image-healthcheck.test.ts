import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../../src/config/env.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { captureLog } from '../support/capture-log.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { freePort } from '../support/free-port.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

/** The image's HEALTHCHECK command as the Dockerfile writes it (shell form, continuation lines joined). */
function dockerfileHealthcheck(): string {
  const dockerfile = readFileSync(resolve(process.cwd(), 'Dockerfile'), 'utf8').replace(/\\\r?\n\s*/g, ' ');
  const command = /^HEALTHCHECK\s.*?\bCMD\s+(.+)$/m.exec(dockerfile)?.[1];
  if (command === undefined) throw new Error('the Dockerfile has no HEALTHCHECK … CMD line');
  return command.trim();
}

/** Run the health check as Docker does (`/bin/sh -c`), with `PORT` as the container sets it; its exit code. */
function runHealthcheck(port: number): Promise<number> {
  const env = { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, PORT: String(port) };
  return new Promise((done) => {
    execFile('/bin/sh', ['-c', dockerfileHealthcheck()], { env, timeout: 10_000 }, (error) => {
      done(error === null ? 0 : typeof error.code === 'number' ? error.code : -1);
    });
  });
}

const ROLES = {
  serve: { receiver: true, worker: true },
  receiver: { receiver: true, worker: false },
  worker: { receiver: false, worker: true },
} as const;

describe("the image's HEALTHCHECK", () => {
  const prefix = uniquePrefix();
  let store: TestDatabase;
  beforeAll(async () => {
    store = await createPostgresTestDatabase();
  });
  afterAll(async () => {
    await store.drop();
    await deleteKeys(prefix);
  });

  it.each(Object.keys(ROLES) as Array<keyof typeof ROLES>)('passes (exit 0) against `donegate %s` on PostgreSQL with only PORT set', async (role) => {
    const port = await freePort();
    let service: RunningService | undefined;
    try {
      service = await startService({
        config: loadConfig({ PORT: String(port), REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, DATABASE_URL: store.url! }),
        log: captureLog().log,
        roles: ROLES[role],
        trackers: {},
        db: store.db,
      });

      expect(await runHealthcheck(port)).toBe(0);
    } finally {
      await service?.close();
    }
  });

  it('fails (exit 1) when nothing listens on PORT', async () => {
    expect(await runHealthcheck(await freePort())).toBe(1);
  });
});
