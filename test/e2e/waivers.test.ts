import { readFile } from 'node:fs/promises';
import { adfToText } from '../../simulators/jira/adf-to-text.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

const CRITICAL = new URL('./fixtures/npm-audit-critical.json', import.meta.url);
const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice' };
const DAY_MS = 24 * 60 * 60 * 1000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

describe('waivers', () => {
  let h: GateHarness;
  let approver: string;
  let ci: string;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    approver = await h.createToken('approver', 'sec-lead-dana', ['ML']);
    ci = await h.createToken('ci', 'ci-waivers');
  });
  afterAll(async () => {
    await h.close();
  });

  const waive = (body: Record<string, unknown>, token = approver) =>
    h.api('/waivers', { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const submitReport = async (ticket: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ tracker: 'jira', ticket, criterion: 'dependency-audit' })) form.set(k, v);
    form.set('report', new Blob([await readFile(CRITICAL)]), 'audit.json');
    const response = await h.api('/evidence', { method: 'POST', body: form, token: ci });
    return ((await response.json()) as { evidence: { id: string } }).evidence.id;
  };
  const moveToDone = async (key: string, deliveryId: string) => {
    await h.post('jira', h.jira.moveIssue(key, 'Done', ALICE), { deliveryId });
    return h.decisionFor('jira', key, deliveryId);
  };

  it('critical finding → blocked → waived by an approver → passes; once the waiver expires the next move is blocked again', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    await h.supplyEvidence('jira', issue.key, ['pii-scan']);
    const evidenceId = await submitReport(issue.key);
    await h.decisionFor('jira', issue.key, `evidence:${evidenceId}`);
    expect((await moveToDone(issue.key, 'w-1')).outcome).toBe('fail');

    const created = await waive({ tracker: 'jira', ticket: issue.key, criterion: 'dependency-audit', advisories: ['GHSA-p6mc-m468-83gw'], reason: 'not reachable: lodash only used at build time', expires: day(10) });
    expect(created.status).toBe(201);
    const { waiver } = (await created.json()) as { waiver: { id: string; approver: string; status: string } };
    expect(waiver).toMatchObject({ approver: 'sec-lead-dana', status: 'active' });
    const afterWaiver = await h.decisionFor('jira', issue.key, `waiver:${waiver.id}`);
    expect(afterWaiver.outcome).toBe('pass');
    expect(adfToText(h.jira.state.comments(issue.key).find((c) => c.authorAccountId === h.jira.selfAccountId)!.body)).toContain('can be moved to Done now');

    const passed = await moveToDone(issue.key, 'w-2');
    expect(passed.outcome).toBe('pass');
    expect(passed.criteria.find((c) => c.criterion === 'dependency-audit')!.reason).toMatch(
      new RegExp(`1 waived \\(waived by sec-lead-dana until ${day(10)}: not reachable: lodash only used at build time\\)`),
    );

    h.clock.offsetMs = 12 * DAY_MS;
    try {
      h.jira.moveIssue(issue.key, 'In Progress', ALICE);
      const blocked = await moveToDone(issue.key, 'w-3');
      expect(blocked.outcome).toBe('fail');
      const audit = blocked.criteria.find((c) => c.criterion === 'dependency-audit')!;
      expect(audit).toMatchObject({ status: 'fail', reason: 'npm audit: 1 open finding at or above high — submitted by token `ci-waivers` (ci)' });
      expect(audit.details).toContain(`the waiver by sec-lead-dana for GHSA-p6mc-m468-83gw expired on ${day(11)}; it no longer counts`);
    } finally {
      h.clock.offsetMs = 0;
    }
  });

  it('says in the comment that a waiver expired', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    await h.supplyEvidence('jira', issue.key, ['dependency-audit']);
    const created = await waive({ tracker: 'jira', ticket: issue.key, criterion: 'pii-scan', reason: 'synthetic data only', expires: day(1) });
    expect(created.status).toBe(201);
    expect((await moveToDone(issue.key, 'w-4')).outcome).toBe('pass');

    h.clock.offsetMs = 3 * DAY_MS;
    try {
      h.jira.moveIssue(issue.key, 'In Progress', ALICE);
      const blocked = await moveToDone(issue.key, 'w-5');
      const pii = blocked.criteria.find((c) => c.criterion === 'pii-scan')!;
      expect(pii).toMatchObject({ status: 'fail', reason: 'no evidence' });
      expect(pii.details).toEqual([`the waiver by sec-lead-dana expired on ${day(2)}; it no longer counts`]);
      expect(adfToText(h.jira.state.comments(issue.key).find((c) => c.authorAccountId === h.jira.selfAccountId)!.body)).toContain('expired on');
    } finally {
      h.clock.offsetMs = 0;
    }
  });

  it.each([
    ['an expiry beyond what the policy allows', { expires: day(120) }, 400, /more than 90 days away/],
    ['an expiry in the past', { expires: day(-2) }, 400, /in the past/],
    ['no reason', { reason: ' ' }, 400, /reason/],
    ['an unknown criterion', { criterion: 'code-review' }, 400, /unknown criterion "code-review"/],
  ])('refuses %s', async (_what, change, status, message) => {
    const response = await waive({ tracker: 'jira', ticket: 'ML-4242', criterion: 'pii-scan', reason: 'ok', expires: day(5), ...change });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it('lets only approver and admin tokens, within their projects, create waivers', async () => {
    const body = { tracker: 'jira', ticket: 'ML-4242', criterion: 'pii-scan', reason: 'ok', expires: day(5) };
    expect((await waive(body, ci)).status).toBe(403);
    expect((await waive({ ...body, ticket: 'PLAT-1' })).status).toBe(403);
    const listed = await h.api('/tickets/jira/ML-4242/waivers', { token: approver });
    expect(((await listed.json()) as { waivers: unknown[] }).waivers).toEqual([]);
  });
});
