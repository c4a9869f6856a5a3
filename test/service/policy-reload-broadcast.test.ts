import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenRepository } from '../../src/auth/index.js';
import { loadConfig } from '../../src/config/env.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { captureLog } from '../support/capture-log.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';
import { TEST_POLICY } from '../support/gate-harness.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';
import { waitFor } from '../support/wait-for.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('a policy reload through the API with several processes on one queue prefix', () => {
  const prefix = uniquePrefix();
  let store: TestDatabase;
  const services: RunningService[] = [];
  afterAll(async () => {
    for (const service of services) await service.close();
    await store?.drop();
    await deleteKeys(prefix);
  });

  const start = async (name: string, roles: { receiver: boolean; worker: boolean }) => {
    const policyFile = join(await mkdtemp(join(tmpdir(), `donegate-${name}-`)), 'policy.yaml');
    await writeFile(policyFile, TEST_POLICY);
    const captured = captureLog();
    const config = loadConfig({ PORT: '0', REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, POLICY_FILE: policyFile });
    const service = await startService({ config, log: captured.log, roles, trackers: {}, db: store.db });
    services.push(service);
    return { service, policyFile, text: captured.text };
  };

  it('makes every other process reload its own POLICY_FILE, once', async () => {
    store = await createPgliteTestDatabase();
    const receiver = await start('receiver', { receiver: true, worker: false });
    const worker = await start('worker', { receiver: false, worker: true });
    const receiverPolicy = `${TEST_POLICY}# receiver copy\n`;
    const workerPolicy = `${TEST_POLICY}# worker copy\n`;
    await writeFile(receiver.policyFile, receiverPolicy);
    await writeFile(worker.policyFile, workerPolicy);
    const { token } = await createTokenRepository(store.db).create({ name: 'ops-admin', role: 'admin' });

    const response = await fetch(`${receiver.service.url}/api/v1/admin/policy/reload`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'reloaded', newHash: sha256(receiverPolicy) });

    await waitFor(() => worker.text().includes(`policy reloaded: ${sha256(workerPolicy)}`), { what: 'the worker process to reload its own file' });
    const entries = await waitFor(async () => {
      const rows = await store.db.query<{ actor: string; data: { via: string; newHash?: string } }>("SELECT actor, data FROM audit_log WHERE type = 'policy-reloaded' ORDER BY seq");
      return rows.length === 2 ? rows : undefined;
    }, { what: 'both reloads audited' });
    expect(entries.map((e) => [e.actor, e.data.via, e.data.newHash])).toEqual([
      ['token:ops-admin', 'api', sha256(receiverPolicy)],
      ['token:ops-admin', 'broadcast', sha256(workerPolicy)],
    ]);
    // The receiver published the request itself: it does not reload a second time on hearing it.
    expect(receiver.text().split('policy reloaded:').length - 1).toBe(1);
  }, 60_000);
});
