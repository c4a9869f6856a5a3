import { createDecisionRepository } from '../../src/decisions/decision-repository.js';
import type { Decision } from '../../src/decisions/decision.js';
import { createEvidenceRepository } from '../../src/evidence/evidence-repository.js';
import { migrate } from '../../src/store/migrate.js';
import { STORES, type TestDatabase } from '../support/databases.js';

const decision = (over: Partial<Decision> = {}): Decision => ({
  deliveryId: 'delivery-1',
  tracker: 'jira',
  ticketKey: 'ML-142',
  ticketId: '10042',
  fromStatus: 'In Progress',
  toStatus: 'Done',
  outcome: 'fail',
  rule: 'ml-models',
  mode: 'block',
  policyHash: 'c'.repeat(64),
  criteria: [{ criterion: 'pii-scan', status: 'fail', reason: 'no evidence', fix: 'scan' }],
  actions: [{ type: 'move', ok: true, detail: 'moved back to In Progress', at: '2026-11-26T10:00:01.000Z' }],
  occurredAt: new Date('2026-11-26T09:59:59Z'),
  receivedAt: new Date('2026-11-26T10:00:00Z'),
  decidedAt: new Date('2026-11-26T10:00:02Z'),
  ...over,
});

describe.each(STORES)('repositories on %s', (_name, open) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.drop();
  });

  it('migrates once: running the migrations again applies nothing', async () => {
    expect(await migrate(store.db)).toEqual([]);
  });

  it('records a decision and reads it back whole', async () => {
    const decisions = createDecisionRepository(store.db);
    expect(await decisions.record(decision())).toBe(true);
    expect(await decisions.isDecided('jira', 'delivery-1')).toBe(true);
    expect(await decisions.forTicket('jira', 'ML-142')).toEqual([decision()]);
  });

  it('keeps the first decision for a delivery and refuses a second', async () => {
    const decisions = createDecisionRepository(store.db);
    expect(await decisions.record(decision({ deliveryId: 'twice', outcome: 'fail' }))).toBe(true);
    expect(await decisions.record(decision({ deliveryId: 'twice', outcome: 'pass' }))).toBe(false);
    const stored = (await decisions.forTicket('jira', 'ML-142')).filter((d) => d.deliveryId === 'twice');
    expect(stored.map((d) => d.outcome)).toEqual(['fail']);
  });

  it('returns evidence grouped by criterion, newest first', async () => {
    const evidence = createEvidenceRepository(store.db);
    const provenance = { kind: 'token', token: 'ci', role: 'ci', ciRunUrl: 'https://github.com/acme/ml/actions/runs/7' } as const;
    const base = { tracker: 'linear' as const, ticketKey: 'AI-7', sha256: 'd'.repeat(64), source: 'api', submitter: 'ci', provenance };
    await evidence.add({ ...base, criterion: 'pii-scan', outcome: 'fail', summary: { text: 'old' }, createdAt: new Date('2026-11-01T00:00:00Z') });
    await evidence.add({ ...base, criterion: 'pii-scan', outcome: 'pass', summary: { text: 'new' }, createdAt: new Date('2026-11-02T00:00:00Z') });
    await evidence.add({ ...base, criterion: 'secret-scan', outcome: 'pass', summary: { text: 'clean' } });
    const byCriterion = await evidence.forTicket('linear', 'AI-7');
    expect(byCriterion.get('pii-scan')?.map((e) => e.summary.text)).toEqual(['new', 'old']);
    expect(byCriterion.get('secret-scan')?.[0]).toMatchObject({ outcome: 'pass', sha256: 'd'.repeat(64), provenance });
    expect((await evidence.forTicket('jira', 'AI-7')).size).toBe(0);
  });

  it('finds stored evidence by its source, only on the same ticket of the same tracker', async () => {
    const evidence = createEvidenceRepository(store.db);
    await evidence.add({ tracker: 'jira', ticketKey: 'ML-9', criterion: 'dependency-audit', outcome: 'pass', summary: { text: 'x' }, sha256: 'e'.repeat(64), source: 'jira-attachment:10001', submitter: 'alice', provenance: { kind: 'attachment', tracker: 'jira', account: 'alice', attachment: { id: '10001', filename: 'audit.json' } } });
    expect(await evidence.hasSource('jira', 'ML-9', 'jira-attachment:10001')).toBe(true);
    expect(await evidence.hasSource('jira', 'ML-9', 'jira-attachment:10002')).toBe(false);
    expect(await evidence.hasSource('jira', 'ML-10', 'jira-attachment:10001')).toBe(false);
    expect(await evidence.hasSource('linear', 'ML-9', 'jira-attachment:10001')).toBe(false);
  });

  it('refuses evidence whose digest is not a sha256', async () => {
    const evidence = createEvidenceRepository(store.db);
    await expect(
      evidence.add({ tracker: 'jira', ticketKey: 'ML-1', criterion: 'pii-scan', outcome: 'pass', summary: { text: 'x' }, sha256: 'nope', source: 'api', submitter: 'ci', provenance: { kind: 'token', token: 'ci', role: 'ci' } }),
    ).rejects.toThrow();
  });
});
