import type { AddressInfo } from 'node:net';
import express from 'express';
import { auditDecision } from '../../src/audit/audit-decision.js';
import { actionEvent, evidenceAcceptedEvent } from '../../src/audit/audit-events.js';
import { createAuditLog, type AuditLog } from '../../src/audit/audit-log.js';
import type { Role } from '../../src/domain/index.js';
import { createTokenRepository } from '../../src/auth/token-repository.js';
import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { createDecisionRepository, type DecisionRepository } from '../../src/decisions/decision-repository.js';
import type { Decision } from '../../src/decisions/decision.js';
import { QueueUnavailableError } from '../../src/queue/enqueue-types.js';
import { createUiRouter } from '../../src/ui/create-ui-router.js';
import { createWaiverRepository } from '../../src/waivers/waiver-repository.js';
import { captureLog } from './capture-log.js';
import { createPostgresTestDatabase, type TestDatabase } from './databases.js';
import { mlPolicy } from './in-memory-worker-deps.js';

export interface UiTestApp {
  url: string;
  store: TestDatabase;
  decisions: DecisionRepository;
  audit: AuditLog;
  /** A bearer token of `role`, limited to `projects` (empty: every project). */
  token(role: Role, projects?: string[]): Promise<string>;
  close(): Promise<void>;
}

/** The web app alone (`/ui`) on a free port, over a PostgreSQL database of its own, with no queue. */
export async function startUiTestApp(now?: () => Date): Promise<UiTestApp> {
  const store = await createPostgresTestDatabase();
  const { log } = captureLog('silent');
  const tokens = createTokenRepository(store.db);
  const decisions = createDecisionRepository(store.db);
  const audit = createAuditLog(store.db);
  const app = express();
  app.use(
    '/ui',
    createUiRouter({
      auth: { tokens, log },
      db: store.db,
      decisions,
      waivers: createWaiverRepository(store.db),
      registry: createCriterionRegistry(),
      policy: () => mlPolicy(),
      enqueueReevaluation: () => Promise.reject(new QueueUnavailableError()),
      audit,
      log,
      ...(now ? { now } : {}),
    }),
  );
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  let count = 0;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    decisions,
    audit,
    async token(role, projects = []) {
      return (await tokens.create({ name: `ui-${role}-${++count}`, role, projects })).token;
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await store.drop();
    },
  };
}

let sequence = 0;

/** A blocked decision as the worker records it, with its audit entries (the move back among them). */
export function blockedDecision(tracker: string, ticketKey: string, decidedAt: Date, over: Partial<Decision> = {}): Decision {
  return {
    deliveryId: `ui-${++sequence}`,
    tracker,
    ticketKey,
    ticketId: ticketKey,
    fromStatus: 'In Review',
    toStatus: 'Done',
    outcome: 'fail',
    rule: 'ml-models',
    mode: 'block',
    policyHash: 'a1b2c3d4e5f6'.repeat(5).slice(0, 64).padEnd(64, '0'),
    criteria: [
      { criterion: 'pii-scan', status: 'fail', reason: 'no PII scan evidence for this ticket', fix: 'donegate submit --criterion pii-scan' },
      { criterion: 'dependency-audit', status: 'pass', reason: 'no known vulnerabilities' },
    ],
    actions: [{ type: 'move', ok: true, detail: 'moved back to In Review', at: decidedAt.toISOString() }],
    receivedAt: decidedAt,
    decidedAt,
    ...over,
  };
}

/** Records a decision and appends its audit entries (action first, as the worker does). */
export async function recordWithAudit(app: Pick<UiTestApp, 'decisions' | 'audit'>, decision: Decision): Promise<void> {
  for (const action of decision.actions) await app.audit.append(actionEvent(decision, action));
  await app.decisions.record(decision);
  await auditDecision(app.audit, decision, { trigger: 'transition', by: 'acc-42', policyVersion: 3 });
}

/** An evidence entry in the audit log, as the intake appends it. */
export async function auditEvidence(app: Pick<UiTestApp, 'audit'>, tracker: string, ticketKey: string, at: Date): Promise<void> {
  await app.audit.append(
    evidenceAcceptedEvent({
      id: `ev-${++sequence}`,
      tracker,
      ticketKey,
      criterion: 'dependency-audit',
      outcome: 'pass',
      summary: { text: '0 known vulnerabilities in 212 packages', format: 'osv-scanner' },
      sha256: 'f'.repeat(64),
      source: 'api',
      submitter: 'ci-main',
      provenance: { kind: 'token', token: 'ci-main', role: 'ci' },
      createdAt: at,
    }),
  );
}
