import { ConfigError, loadConfig } from '../../src/config/env.js';
import { freePort } from '../support/free-port.js';
import { startService } from '../../src/service/start-service.js';
import { captureLog } from '../support/capture-log.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';
import { parsePrometheusText } from '../support/prometheus-text.js';
import { TEST_REDIS_URL, uniquePrefix, deleteKeys } from '../support/redis.js';

describe('a worker on its own', () => {
  let store: TestDatabase;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    store = await createPgliteTestDatabase();
  });
  afterAll(async () => {
    await store.drop();
    await deleteKeys(prefix);
  });
  const start = (env: Record<string, string>) =>
    startService({
      config: loadConfig({ PORT: '0', REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, ...env }),
      log: captureLog().log,
      roles: { receiver: false, worker: true },
      trackers: {},
      db: store.db,
    });

  it('serves /metrics, /healthz and /readyz on METRICS_PORT, and nothing else there', async () => {
    const service = await start({ METRICS_PORT: '0' });
    try {
      expect(service.url).toBeUndefined();
      const metrics = await fetch(`${service.metricsUrl}/metrics`);
      expect(metrics.status).toBe(200);
      const names = parsePrometheusText(await metrics.text()).map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['donegate_queue_jobs', 'donegate_process_cpu_user_seconds_total']));
      expect((await fetch(`${service.metricsUrl}/healthz`)).status).toBe(200);
      expect((await fetch(`${service.metricsUrl}/readyz`)).status).toBe(200);
      expect((await fetch(`${service.metricsUrl}/api/v1/tickets/failing`)).status).toBe(404);
    } finally {
      await service.close();
    }
  });

  it('serves them on PORT without METRICS_PORT, where the image health check looks', async () => {
    const port = await freePort();
    const service = await start({ PORT: String(port) });
    try {
      expect(service.metricsUrl).toBe(`http://127.0.0.1:${port}`);
      expect((await fetch(`${service.metricsUrl}/healthz`)).status).toBe(200);
      expect((await fetch(`${service.metricsUrl}/metrics`)).status).toBe(200);
    } finally {
      await service.close();
    }
  });

  it('refuses a METRICS_PORT that is not a port, naming the variable', () => {
    expect(() => loadConfig({ METRICS_PORT: 'ninety' })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
  });
});
