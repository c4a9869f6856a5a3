import pg from 'pg';
import { auditDecision } from '../../src/audit/audit-decision.js';
import { evidenceAcceptedEvent, waiverCreatedEvent } from '../../src/audit/audit-events.js';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import { createDecisionRepository } from '../../src/decisions/decision-repository.js';
import { createEvidenceRepository } from '../../src/evidence/evidence-repository.js';
import { createWaiverRepository } from '../../src/waivers/waiver-repository.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

/**
 * The database's owner switches the append-only triggers off and edits a stored record: a failed
 * decision becomes a pass, failing evidence passes, a waiver runs for years more. The audit log itself is
 * untouched, so its chain still verifies; the hash of each record, carried by the entry written with it,
 * is what gives the edit away.
 */
describe('verify after a decision, evidence or waiver row was edited in PostgreSQL', () => {
  let store: TestDatabase;
  let owner: pg.Client;
  let ids: { decision: string; evidence: string; waiver: string };

  beforeEach(async () => {
    store = await createPostgresTestDatabase();
    const audit = createAuditLog(store.db);
    const decisions = createDecisionRepository(store.db);
    const decidedAt = new Date('2026-11-20T10:00:00.000Z');
    const decision = {
      deliveryId: 'delivery-1',
      tracker: 'jira' as const,
      ticketKey: 'ML-7',
      ticketId: '10007',
      outcome: 'fail' as const,
      criteria: [{ criterion: 'pii-scan', status: 'fail' as const, reason: 'no scan' }],
      actions: [],
      receivedAt: decidedAt,
      decidedAt,
    };
    await decisions.record(decision);
    await auditDecision(audit, decision, { trigger: 'transition' });
    const evidence = await createEvidenceRepository(store.db).add({
      tracker: 'jira',
      ticketKey: 'ML-7',
      criterion: 'dependency-audit',
      outcome: 'fail',
      summary: { text: 'npm audit: 2 high findings' },
      sha256: 'c'.repeat(64),
      source: 'api',
      submitter: 'ci-main',
      provenance: { kind: 'token', token: 'ci-main', role: 'ci' },
    });
    await audit.append(evidenceAcceptedEvent(evidence));
    const waiver = await createWaiverRepository(store.db).add({
      tracker: 'jira',
      ticketKey: 'ML-7',
      criterion: 'pii-scan',
      advisories: [],
      reason: 'synthetic data only',
      approver: 'security-lead',
      approvedVia: 'api',
      expiresAt: new Date('2026-12-31T00:00:00.000Z'),
    });
    await audit.append(waiverCreatedEvent(waiver));
    const [row] = await store.db.query<{ id: string }>('SELECT id::text AS id FROM decisions');
    ids = { decision: row!.id, evidence: evidence.id, waiver: waiver.id };
    owner = new pg.Client({ connectionString: store.url });
    await owner.connect();
  });
  afterEach(async () => {
    await owner.end();
    await store.drop();
  });

  const editWithTriggersOff = async (table: string, sql: string) => {
    await owner.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await owner.query(sql);
    await owner.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  };

  it('verifies the untouched records against their entries', async () => {
    expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, rows: { checked: 3, problems: [], unchained: { decisions: 0, evidence: 0, waivers: 0 } } });
  });

  it.each([
    ['decisions', `UPDATE decisions SET outcome = 'pass'`, 'decision'],
    ['evidence', `UPDATE evidence SET outcome = 'pass', summary = '{"text":"npm audit: 0 findings"}'`, 'evidence'],
    ['waivers', `UPDATE waivers SET expires_at = '2036-12-31T00:00:00Z'`, 'waiver'],
  ] as const)('catches an edited %s row, naming it and the entry that recorded it', async (table, sql, kind) => {
    await editWithTriggersOff(table, sql);
    const report = await verifyAuditLog(store.db);
    expect(report.ok).toBe(false);
    expect(report.break).toBeUndefined();
    expect(report.rows!.problems).toEqual([
      expect.objectContaining({ table, id: ids[kind], problem: expect.stringMatching(new RegExp(`^${table} row ${ids[kind]} was changed after entry \\d+ recorded it`)) }),
    ]);
  });

  it('catches a deleted row', async () => {
    await editWithTriggersOff('waivers', 'DELETE FROM waivers');
    const report = await verifyAuditLog(store.db);
    expect(report.ok).toBe(false);
    expect(report.rows!.problems[0]!.problem).toMatch(/^waivers row \S+, recorded by entry \d+, was deleted$/);
  });

  it('lists a row inserted behind donegate\'s back as one no entry vouches for', async () => {
    await owner.query(
      `INSERT INTO waivers (tracker, ticket_key, criterion, reason, approver, approved_via, expires_at) VALUES ('jira', 'ML-8', 'pii-scan', 'x', 'nobody', 'api', now() + interval '1 day')`,
    );
    expect((await verifyAuditLog(store.db)).rows!.unchained).toEqual({ decisions: 0, evidence: 0, waivers: 1 });
  });

  it('refuses the edit outright while the triggers are on', async () => {
    await expect(owner.query(`UPDATE decisions SET outcome = 'pass'`)).rejects.toThrow(/decisions is append-only: UPDATE is refused/);
  });
});
