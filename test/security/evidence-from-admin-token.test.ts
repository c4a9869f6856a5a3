import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { adfToText } from '../../simulators/jira/adf-to-text.js';
import type { Decision } from '../../src/decisions/decision.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The policy says dependency-audit evidence must come from CI (`from: ci`). Someone holding an admin
 * token — who can also mint tokens and manage waivers — uploads a clean report by hand. It must not
 * count; the same report uploaded by the pipeline's ci token does.
 */
const CLEAN = new URL('../e2e/fixtures/npm-audit-clean.json', import.meta.url);
const RUN_URL = 'https://github.com/acme/churn-model/actions/runs/9876543210';

const POLICY = `version: 1
rules:
  - name: ml-models
    match:
      jira: { projects: [ML] }
    mode: block
    require:
      - dependency-audit: { failOn: high, from: ci }
`;

describe('evidence a rule requires from CI, uploaded with an admin token', () => {
  let h: GateHarness;
  let ciToken: string;
  beforeAll(async () => {
    h = await startGateHarness({ policy: POLICY });
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    ciToken = await h.createToken('ci', 'ci-main', ['ML']);
  });
  afterAll(async () => {
    await h.close();
  });

  const upload = async (ticket: string, token: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.set('tracker', 'jira');
    form.set('ticket', ticket);
    form.set('criterion', 'dependency-audit');
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set('report', new Blob([await readFile(CLEAN)]), 'audit.json');
    const response = await h.api('/evidence', { method: 'POST', body: form, token });
    return { status: response.status, body: (await response.json()) as { evidence?: { id: string; provenance: unknown }; error?: { code: string } } };
  };
  const audit = (decision: Decision) => decision.criteria.find((c) => c.criterion === 'dependency-audit')!;

  it('is ignored: the criterion fails saying whose evidence was refused and why, with the fix', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });

    const submitted = await upload(issue.key, h.adminToken);
    expect(submitted.status).toBe(201);
    expect(submitted.body.evidence?.provenance).toEqual({ kind: 'token', token: 'test-admin', role: 'admin' });
    const decision = await h.decisionFor('jira', issue.key, `evidence:${submitted.body.evidence!.id}`);

    expect(decision.outcome).toBe('fail');
    expect(audit(decision)).toMatchObject({
      status: 'fail',
      reason: 'evidence from admin token `test-admin` is not accepted: this rule requires evidence from a ci token',
      fix: expect.stringContaining('donegate token create --role ci'),
    });
    const comment = h.jira.state.comments(issue.key).find((c) => c.authorAccountId === h.jira.selfAccountId);
    expect(adfToText(comment!.body)).toContain('this rule requires evidence from a ci token');
    // The audit log's decision lists no evidence as judged: the admin's report was not shown to the criterion.
    // The decision is appended to the log just after it is recorded.
    const logged = await waitFor(
      async () => ((await (await h.api(`/audit/tickets/jira/${issue.key}`)).json()) as { entries: Array<{ type: string; data: Record<string, unknown> }> }).entries.find((e) => e.type === 'decision'),
      { what: `the decision entry for ${issue.key}` },
    );
    expect(logged.data.evidence).toEqual([]);
  });

  it("is accepted from a ci token, and the comment, decisions API and audit log name the token, its role and the CI run", async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    await upload(issue.key, h.adminToken);

    const submitted = await upload(issue.key, ciToken, { ciRunUrl: RUN_URL });
    expect(submitted.status).toBe(201);
    const decision = await h.decisionFor('jira', issue.key, `evidence:${submitted.body.evidence!.id}`);

    expect(decision.outcome).toBe('pass');
    const provenance = { kind: 'token', token: 'ci-main', role: 'ci', ciRunUrl: RUN_URL };
    expect(audit(decision)).toMatchObject({
      status: 'pass',
      reason: `npm audit: no open findings at or above high — submitted by token \`ci-main\` (ci), run ${RUN_URL}`,
      evidence: [{ id: submitted.body.evidence!.id, provenance }],
    });
    const comment = h.jira.state.comments(issue.key).find((c) => c.authorAccountId === h.jira.selfAccountId);
    expect(adfToText(comment!.body)).toContain('ci-main');

    const api = (await (await h.api(`/tickets/jira/${issue.key}/decisions`)).json()) as { decisions: Decision[] };
    expect(api.decisions.map((d) => audit(d).evidence?.[0]?.provenance)).toContainEqual(provenance);
    const trail = (await (await h.api(`/audit/tickets/jira/${issue.key}`)).json()) as { entries: Array<{ type: string; data: Record<string, unknown> }> };
    expect(trail.entries.filter((e) => e.type === 'evidence-accepted').map((e) => e.data.provenance)).toEqual(
      expect.arrayContaining([provenance, { kind: 'token', token: 'test-admin', role: 'admin' }]),
    );
  });

  it.each([
    ['plain http', 'http://ci.example.com/runs/1'],
    ['a relative path', '/acme/ml/actions/runs/1'],
    ['credentials in the URL', 'https://user:secret@ci.example.com/runs/1'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['over 500 characters', `https://ci.example.com/${'r'.repeat(600)}`],
  ])('refuses a CI run URL that is %s with 400 and stores nothing', async (_what, url) => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });

    const submitted = await upload(issue.key, ciToken, { ciRunUrl: url });

    expect(submitted).toMatchObject({ status: 400, body: { error: { code: 'INVALID_CI_RUN_URL' } } });
    expect((await h.evidence.forTicket('jira', issue.key)).size).toBe(0);
  });
});
