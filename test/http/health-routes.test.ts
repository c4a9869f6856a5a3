import type { AddressInfo } from 'node:net';
import express from 'express';
import { createHealthRoutes, type ReadinessCheck } from '../../src/http/health-routes.js';

/** The routes on a real server, on a free port; closed by the caller. */
async function serve(checks: ReadinessCheck[], warnings?: string[]) {
  const app = express();
  app.use(createHealthRoutes(checks, warnings));
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('GET /readyz', () => {
  const up: ReadinessCheck = { name: 'database', check: () => Promise.resolve() };
  const down: ReadinessCheck = { name: 'redis', check: () => Promise.reject(new Error('ECONNREFUSED')) };

  it('stays ready (200) with a warning, and lists the warning in its body', async () => {
    const server = await serve([up], ['the database role "donegate" can UPDATE … on audit_log']);
    try {
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok' }, warnings: ['the database role "donegate" can UPDATE … on audit_log'] });
    } finally {
      await server.close();
    }
  });

  it('has no warnings member when there is nothing to warn about, and is 503 when a check fails', async () => {
    const server = await serve([up, down]);
    try {
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not-ready', checks: { database: 'ok', redis: 'down: ECONNREFUSED' } });
    } finally {
      await server.close();
    }
  });
});
