import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyArtifact } from '../../src/artifacts/verify-artifact.js';
import { loadConfig, type Config } from '../../src/config/env.js';
import type { Decision } from '../../src/decisions/decision.js';
import { createTokenRepository } from '../../src/auth/index.js';
import { createDecisionRepository } from '../../src/decisions/decision-repository.js';
import { createEvidenceRepository, type EvidenceRepository } from '../../src/evidence/evidence-repository.js';
import { createTrackers } from '../../src/service/create-trackers.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { createJiraSimulator, type JiraSimulator } from '../../simulators/jira/create-jira-simulator.js';
import { createLinearSimulator, type LinearSimulator } from '../../simulators/linear/create-linear-simulator.js';
import type { TrackerName } from '../../src/domain/index.js';
import { captureLog } from './capture-log.js';
import { createPgliteTestDatabase, createPostgresTestDatabase, type TestDatabase } from './databases.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis.js';
import { signJiraDelivery, signLinearDelivery } from './sign-deliveries.js';
import { waitFor } from './wait-for.js';

export const JIRA_SECRET = 'jira-webhook-secret-for-tests';
export const LINEAR_SECRET = 'linear-webhook-secret-for-tests';
/** The accounts TEST_POLICY lists as approvers: their `/donegate waive` comments create waivers. */
export const JIRA_APPROVER = 'sec-lead-jira-account';
export const LINEAR_APPROVER = 'sec-lead-linear-user';

/** ML / AI are blocked, PLAT only warned, as a security lead would start out. */
export const TEST_POLICY = `version: 1
rules:
  - name: ml-models
    match:
      jira: { projects: [ML] }
      linear: { teams: [AI] }
    mode: block
    require:
      - pii-scan
      - dependency-audit: { failOn: high }
  - name: platform
    match:
      jira: { projects: [PLAT] }
      linear: { teams: [PLAT] }
    mode: warn
    require:
      - dependency-audit
waivers:
  approvers:
    jira: [${JIRA_APPROVER}]
    linear: [${LINEAR_APPROVER}]
`;

export interface GateHarness {
  url: string;
  jira: JiraSimulator;
  linear: LinearSimulator;
  service: RunningService;
  evidence: EvidenceRepository;
  /** An admin API token, and a helper calling `/api/v1` with it (or with another token). */
  adminToken: string;
  createToken(role: 'ci' | 'auditor' | 'approver' | 'admin' | 'viewer', name: string, projects?: string[]): Promise<string>;
  /** donegate's database, for tests that seed history directly. */
  db: TestDatabase['db'];
  api(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  logText(): string;
  /** donegate's clock (criteria, waivers, decisions): move it forward to let waivers expire. */
  clock: { offsetMs: number };
  post(tracker: TrackerName, body: unknown, options?: { deliveryId?: string; retry?: number }): Promise<{ status: number; answer: Record<string, unknown> }>;
  decisions(tracker: TrackerName, key: string): Promise<Decision[]>;
  /**
   * Waits until the delivery has its decision (the worker's last step). `deliveryId` may be the header a test
   * posted with: donegate keys Jira deliveries on their body and commands on their comment, and the header
   * is mapped to that key.
   */
  decisionFor(tracker: TrackerName, key: string, deliveryId: string): Promise<Decision>;
  /** The id donegate recorded a delivery under, for the delivery-id header a test posted it with. */
  deliveryIdOf(tracker: TrackerName, headerDeliveryId: string): string;
  /** Stores passing evidence for the given criteria, as uploaded with a ci token named `ci`. */
  supplyEvidence(tracker: TrackerName, key: string, criteria: string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole gate for an end-to-end test: Jira and Linear simulators, a fresh database (PostgreSQL by
 * default), real Redis under a prefix of its own, and donegate's receiver and worker in this process.
 */
export async function startGateHarness(
  options: { store?: 'postgres' | 'pglite'; env?: Record<string, string>; policy?: string; verifyArtifact?: VerifyArtifact } = {},
): Promise<GateHarness> {
  const jira = await createJiraSimulator();
  const linear = await createLinearSimulator();
  const database: TestDatabase = options.store === 'pglite' ? await createPgliteTestDatabase() : await createPostgresTestDatabase();
  const folder = await mkdtemp(join(tmpdir(), 'donegate-test-'));
  const policyFile = join(folder, 'policy.yaml');
  await writeFile(policyFile, options.policy ?? TEST_POLICY);
  const prefix = uniquePrefix();
  const config: Config = loadConfig({
    PORT: '0',
    REDIS_URL: TEST_REDIS_URL,
    POLICY_FILE: policyFile,
    DATA_DIR: folder,
    QUEUE_PREFIX: prefix,
    JIRA_BASE_URL: jira.baseUrl,
    JIRA_EMAIL: jira.email,
    JIRA_API_TOKEN: jira.apiToken,
    JIRA_WEBHOOK_SECRET: JIRA_SECRET,
    LINEAR_API_KEY: linear.apiKey,
    LINEAR_API_URL: linear.url,
    LINEAR_WEBHOOK_SECRET: LINEAR_SECRET,
    ...options.env,
  });
  const { log, text } = captureLog();
  const clock = { offsetMs: 0 };
  const service = await startService({
    config,
    log,
    roles: { receiver: true, worker: true },
    trackers: await createTrackers(config, log),
    db: database.db,
    now: () => new Date(Date.now() + clock.offsetMs),
    ...(options.verifyArtifact ? { verifyArtifact: options.verifyArtifact } : {}),
  });
  const decisions = createDecisionRepository(database.db);
  const evidence = createEvidenceRepository(database.db);
  const tokens = createTokenRepository(database.db);
  const createToken = async (role: 'ci' | 'auditor' | 'approver' | 'admin' | 'viewer', name: string, projects: string[] = []) =>
    (await tokens.create({ name, role, projects, createdBy: 'test' })).token;
  const adminToken = await createToken('admin', 'test-admin');

  // The delivery-id header a test chose → the id donegate recorded the delivery under (from its answer).
  const recordedAs = new Map<string, string>();
  const deliveryIdOf = (tracker: TrackerName, headerDeliveryId: string): string => recordedAs.get(`${tracker}\0${headerDeliveryId}`) ?? headerDeliveryId;
  return {
    url: service.url!,
    jira,
    linear,
    service,
    evidence,
    adminToken,
    createToken,
    db: database.db,
    api(path, { token = adminToken, headers, ...init } = {}) {
      const auth: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
      return fetch(`${service.url}/api/v1${path}`, { ...init, headers: { ...auth, ...(headers as Record<string, string> | undefined) } });
    },
    logText: text,
    clock,
    async post(tracker, body, { deliveryId, retry } = {}) {
      const signed =
        tracker === 'jira'
          ? signJiraDelivery(JIRA_SECRET, body as object, { ...(deliveryId ? { deliveryId } : {}), ...(retry ? { retry } : {}) })
          : signLinearDelivery(LINEAR_SECRET, body as object, deliveryId ? { deliveryId } : {});
      const response = await fetch(`${service.url}/webhooks/${tracker}`, { method: 'POST', headers: signed.headers, body: signed.body });
      const answer = (await response.json()) as Record<string, unknown>;
      if (deliveryId !== undefined && typeof answer.deliveryId === 'string') recordedAs.set(`${tracker}\0${deliveryId}`, answer.deliveryId);
      return { status: response.status, answer };
    },
    deliveryIdOf,
    decisions: (tracker, key) => decisions.forTicket(tracker, key),
    decisionFor: (tracker, key, deliveryId) =>
      waitFor(async () => (await decisions.forTicket(tracker, key)).find((d) => d.deliveryId === deliveryIdOf(tracker, deliveryId)), {
        what: `the decision on ${tracker} ${key} for delivery ${deliveryId}`,
        timeoutMs: 20_000,
      }),
    async supplyEvidence(tracker, key, criteria) {
      for (const criterion of criteria) {
        const provenance = { kind: 'token', token: 'ci', role: 'ci' } as const;
        await evidence.add({ tracker, ticketKey: key, criterion, outcome: 'pass', summary: { text: `${criterion} clean` }, sha256: 'a'.repeat(64), source: 'test', submitter: 'ci', provenance });
      }
    },
    async close() {
      await service.close();
      await database.drop();
      await Promise.all([jira.close(), linear.close()]);
      await deleteKeys(prefix);
    },
  };
}
