import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '../../src/audit/audit-entry.js';
import { createDecisionRepository } from '../../src/decisions/decision-repository.js';
import { bodyDigestId } from '../../src/trackers/webhook/body-digest-id.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import { verifyExportFile } from '../../src/audit/verify-export-file.js';
import { jiraCommentDelivery } from '../support/comment-deliveries.js';
import { JIRA_APPROVER, startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { waitFor } from '../support/wait-for.js';

const CLEAN = new URL('./fixtures/npm-audit-clean.json', import.meta.url);
const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice' };

describe('the audit trail of a gated ticket', () => {
  let h: GateHarness;
  let auditor: string;
  let ci: string;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    auditor = await h.createToken('auditor', 'iso-auditor');
    ci = await h.createToken('ci', 'ci-pipeline', ['ML']);
  });
  afterAll(async () => {
    await h.close();
  });

  const history = async (key: string, token = auditor) => {
    const response = await h.api(`/audit/tickets/jira/${key}`, { token });
    return { status: response.status, body: (await response.json()) as { entries: AuditEntry[]; error?: { code: string } } };
  };

  it('appends the decision of a delivery decided by an attempt that could not append it, when the delivery comes again', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    const delivery = h.jira.moveIssue(issue.key, 'Done', ALICE);
    // Jira deliveries are keyed on the digest of their signed body (the harness signs the JSON text).
    const deliveryId = bodyDigestId(Buffer.from(JSON.stringify(delivery)));
    // The first attempt recorded its decision, then lost the database before appending it to the log.
    await createDecisionRepository(h.service.db).record({
      deliveryId,
      tracker: 'jira',
      ticketKey: issue.key,
      ticketId: issue.id,
      outcome: 'fail',
      rule: 'ml-models',
      mode: 'block',
      criteria: [{ criterion: 'pii-scan', status: 'fail', reason: 'no evidence', fix: 'scan' }],
      actions: [],
      receivedAt: new Date(),
      decidedAt: new Date(),
    });
    expect((await history(issue.key)).body.entries).toEqual([]);

    await h.post('jira', delivery, { deliveryId: 'audit-recover-1' });
    const entries = await waitFor(async () => {
      const found = (await history(issue.key)).body.entries;
      return found.length > 0 ? found : undefined;
    });
    expect(entries).toEqual([expect.objectContaining({ type: 'decision', actor: 'donegate', data: expect.objectContaining({ deliveryId, outcome: 'fail', recovered: true }) })]);

  });

  it('shows a ticket blocked, given evidence, then passed: every check, action and piece of evidence, on an intact chain', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'audit-move-1' });
    expect((await h.decisionFor('jira', issue.key, 'audit-move-1')).outcome).toBe('fail');

    await h.supplyEvidence('jira', issue.key, ['pii-scan']);
    const form = new FormData();
    form.set('tracker', 'jira');
    form.set('ticket', issue.key);
    form.set('criterion', 'dependency-audit');
    form.set('report', new Blob([await readFile(CLEAN)]), 'audit.json');
    const submitted = (await (await h.api('/evidence', { method: 'POST', body: form, token: ci })).json()) as { evidence: { id: string } };
    await h.decisionFor('jira', issue.key, `evidence:${submitted.evidence.id}`);
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'audit-move-2' });
    expect((await h.decisionFor('jira', issue.key, 'audit-move-2')).outcome).toBe('pass');

    // The decision row is written just before its audit entry: wait for the entry, not only the row.
    const passedId = h.deliveryIdOf('jira', 'audit-move-2');
    const { status, body } = await waitFor(async () => {
      const read = await history(issue.key);
      return read.body.entries.some((e) => e.type === 'decision' && e.data.deliveryId === passedId) ? read : undefined;
    }, { what: 'the passing decision in the audit log' });
    expect(status).toBe(200);
    const trail = body.entries.map((e) => (e.type === 'decision' ? `decision:${e.data.trigger}:${e.data.outcome}` : e.type === 'action' ? `action:${e.data.action}` : e.type));
    // Actions are appended as they happen; the decision closes each check, once its actions are done.
    expect(trail).toEqual([
      'action:move',
      'action:comment',
      'action:label-add',
      'action:property',
      'decision:transition:fail',
      'evidence-accepted',
      'action:comment',
      'action:label-remove',
      'action:property',
      'decision:evidence:pass',
      'action:comment',
      'action:property',
      'decision:transition:pass',
    ]);
    const blocked = body.entries.find((e) => e.type === 'decision');
    expect(blocked).toMatchObject({
      tracker: 'jira',
      ticket: issue.key,
      actor: 'donegate',
      data: { deliveryId: h.deliveryIdOf('jira', 'audit-move-1'), by: 'jira:alice-acc', rule: 'ml-models', mode: 'block', policy: { version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    });
    expect(blocked!.data.criteria).toEqual([
      { criterion: 'pii-scan', status: 'fail', reason: expect.any(String) },
      { criterion: 'dependency-audit', status: 'fail', reason: expect.any(String) },
    ]);
    const passed = body.entries.find((e) => e.data.deliveryId === h.deliveryIdOf('jira', 'audit-move-2') && e.type === 'decision')!;
    expect(passed.data.evidence).toEqual(expect.arrayContaining([submitted.evidence.id]));
    expect(body.entries.find((e) => e.type === 'evidence-accepted')).toMatchObject({ actor: 'token:ci-pipeline', data: { evidenceId: submitted.evidence.id, criterion: 'dependency-audit', outcome: 'pass' } });
    // Accounts appear as ids: never the tracker user's email or display name.
    expect(JSON.stringify(body.entries)).not.toContain(h.jira.email);
    expect(JSON.stringify(body.entries)).not.toContain('Alice');
    expect(await verifyAuditLog(h.service.db)).toMatchObject({ ok: true });
  });

  it('records a waiver made through the API, by the approving token', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    const approver = await h.createToken('approver', 'sec-lead');
    const response = await h.api('/waivers', {
      method: 'POST',
      token: approver,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tracker: 'jira', ticket: issue.key, criterion: 'pii-scan', reason: 'synthetic data only', expires: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10) }),
    });
    expect(response.status).toBe(201);
    const entries = await waitFor(async () => (await history(issue.key)).body.entries.filter((e) => e.type === 'decision').length > 0 && (await history(issue.key)).body.entries);
    expect(entries[0]).toMatchObject({ type: 'waiver-created', actor: 'token:sec-lead', data: { criterion: 'pii-scan', reason: 'synthetic data only', approvedVia: 'api' } });
    expect(entries.find((e) => e.type === 'decision')).toMatchObject({ data: { trigger: 'waiver' } });
  });

  it("records a waiver written as a comment by the approver's account id, then its expiry once", async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    await h.supplyEvidence('jira', issue.key, ['pii-scan']);
    const until = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await h.post('jira', jiraCommentDelivery(h.jira, issue.key, JIRA_APPROVER, `/donegate waive dependency-audit until ${until}: release pipeline only`), { deliveryId: 'audit-waive-1' });
    await h.decisionFor('jira', issue.key, 'audit-waive-1');
    const created = await waitFor(async () => (await history(issue.key)).body.entries.find((e) => e.type === 'waiver-created'));
    expect(created).toMatchObject({ actor: `jira:${JIRA_APPROVER}`, data: { criterion: 'dependency-audit', approvedVia: 'jira-comment', reason: 'release pipeline only' } });

    h.clock.offsetMs = 5 * 86_400_000;
    try {
      for (const deliveryId of ['audit-expired-1', 'audit-expired-2']) {
        await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId });
        expect((await h.decisionFor('jira', issue.key, deliveryId)).outcome).toBe('fail');
      }
    } finally {
      h.clock.offsetMs = 0;
    }
    const expired = (await history(issue.key)).body.entries.filter((e) => e.type === 'waiver-expired');
    expect(expired).toEqual([expect.objectContaining({ actor: 'donegate', data: expect.objectContaining({ waiverId: created.data.waiverId, criterion: 'dependency-audit' }) })]);
  });

  it('records refused evidence with the reason, not the report', async () => {
    const form = new FormData();
    form.set('tracker', 'jira');
    form.set('ticket', 'ML-999');
    form.set('criterion', 'dependency-audit');
    form.set('report', new Blob(['{"not":"a report","email":"someone@example.com"}']), 'audit.json');
    expect((await h.api('/evidence', { method: 'POST', body: form, token: ci })).status).toBe(422);
    const { body } = await history('ML-999');
    expect(body.entries).toEqual([expect.objectContaining({ type: 'evidence-refused', actor: 'token:ci-pipeline', data: expect.objectContaining({ code: 'DONEGATE_REPORT_UNRECOGNISED' }) })]);
    expect(JSON.stringify(body.entries)).not.toContain('someone@example.com');
  });

  describe('auditor tokens', () => {
    it('read the audit routes but cannot write anything', async () => {
      expect((await history('ML-1')).status).toBe(200);
      const form = new FormData();
      form.set('tracker', 'jira');
      form.set('ticket', 'ML-1');
      form.set('criterion', 'dependency-audit');
      form.set('report', new Blob([await readFile(CLEAN)]), 'audit.json');
      const evidence = await h.api('/evidence', { method: 'POST', body: form, token: auditor });
      expect(evidence.status).toBe(403);
      const waiver = await h.api('/waivers', {
        method: 'POST',
        token: auditor,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tracker: 'jira', ticket: 'ML-1', criterion: 'pii-scan', reason: 'x', expires: '2026-12-31' }),
      });
      expect(waiver.status).toBe(403);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        expect((await h.api('/audit/export', { method, token: auditor })).status).toBe(404);
        expect((await h.api('/audit/tickets/jira/ML-1', { method, token: auditor })).status).toBe(404);
      }
    });

    it('are the only non-admin tokens that read the audit log', async () => {
      expect((await history('ML-1', ci)).status).toBe(403);
      expect((await h.api('/audit/export', { token: ci })).status).toBe(403);
      expect((await h.api('/audit/export', { token: null })).status).toBe(401);
    });

    it('need every project to export, since an export spans them all', async () => {
      const scoped = await h.createToken('auditor', 'ml-auditor', ['ML']);
      const response = await h.api('/audit/export', { token: scoped });
      expect(response.status).toBe(403);
      expect((await history('ML-1', scoped)).status).toBe(200);
    });
  });

  it('streams an export over HTTP that verifies offline', async () => {
    const response = await h.api('/audit/export?format=jsonl', { token: auditor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const file = join(await mkdtemp(join(tmpdir(), 'donegate-export-')), 'export.jsonl');
    await writeFile(file, await response.text());
    const report = await verifyExportFile(file);
    expect(report).toMatchObject({ ok: true, firstSeq: 1 });
    expect(report.checked).toBeGreaterThan(10);

    const html = await h.api('/audit/export?format=html&from=2020-01-01', { token: auditor });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await html.text()).toContain('id="total-gated"');
    expect((await h.api('/audit/export?format=xml', { token: auditor })).status).toBe(400);
    expect((await h.api('/audit/export?from=yesterday', { token: auditor })).status).toBe(400);
  });
});
