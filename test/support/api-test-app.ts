import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createSignInLinks } from '../../src/auth/sign-in-links.js';
import { createTokenRepository } from '../../src/auth/token-repository.js';
import { listFailingTickets } from '../../src/decisions/list-failing-tickets.js';
import { createApp } from '../../src/http/create-app.js';
import { createIdempotencyKeys } from '../../src/evidence/idempotency-keys.js';
import { createEvidenceIntake } from '../../src/intake/ingest-evidence.js';
import { QueueUnavailableError } from '../../src/queue/enqueue-types.js';
import { captureLog } from './capture-log.js';
import { createPostgresTestDatabase, type TestDatabase } from './databases.js';
import { fakeRegistry, inMemoryAudit, inMemoryDecisions, inMemoryEvidence, inMemoryWaivers, mlPolicy } from './in-memory-worker-deps.js';

export interface ApiTestApp {
  app: Express;
  url: string;
  store: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real `createApp` on a free port, with tokens and the audit log in a PostgreSQL database of its own and no queue
 * (a job it would enqueue fails as if Redis were down). For tests of the HTTP surface itself.
 */
export async function startApiTestApp(): Promise<ApiTestApp> {
  const store = await createPostgresTestDatabase();
  const { log } = captureLog('silent');
  const audit = inMemoryAudit();
  const noQueue = () => Promise.reject(new QueueUnavailableError());
  const app = createApp({
    auth: { tokens: createTokenRepository(store.db), log },
    ingestEvidence: createEvidenceIntake({ registry: fakeRegistry(), evidence: inMemoryEvidence(), enqueueReevaluation: noQueue, audit, log }),
    evidenceMaxBytes: 64 * 1024,
    evidenceIdempotencyKeys: createIdempotencyKeys(store.db),
    waiverRoutes: { waivers: inMemoryWaivers(), registry: fakeRegistry(), policy: () => mlPolicy(), enqueueReevaluation: noQueue, audit },
    webhooks: {},
    webhookMaxBytes: 64 * 1024,
    enqueue: noQueue,
    enqueueCommand: noQueue,
    decisions: inMemoryDecisions(),
    failingTickets: (filter) => listFailingTickets(store.db, filter),
    auditDb: store.db,
    readiness: [],
    log,
    // No POLICY_FILE here: a reload keeps the policy in force, as the service does with a file it cannot read.
    signInLinks: { links: createSignInLinks(store.db), publicUrl: 'https://donegate.example.com' },
    reloadPolicy: () => Promise.resolve({ status: 'invalid', oldHash: '', problems: ['this test app reads no POLICY_FILE'] }),
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    app,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await store.drop();
    },
  };
}

interface RouterLayer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/**
 * Every route the app answers, as `METHOD /path` with express's `:param` as OpenAPI's `{param}`, found by
 * walking the real router stack (express 5: `app.router.stack`, into mounted routers).
 */
export function listAppRoutes(app: Express): string[] {
  const walk = (stack: RouterLayer[], prefix: string): string[] =>
    stack.flatMap((layer) => {
      const path = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      if (layer.route) {
        const methods = Object.keys(layer.route.methods).filter((method) => method !== '_all');
        return methods.map((method) => `${method.toUpperCase()} ${(prefix + String(layer.route!.path)).replace(/:(\w+)/g, '{$1}')}`);
      }
      return layer.handle?.stack ? walk(layer.handle.stack, prefix + path) : [];
    });
  return walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack, '');
}
