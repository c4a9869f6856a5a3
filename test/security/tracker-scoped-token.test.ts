import { readFile } from 'node:fs/promises';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

const CLEAN = new URL('../e2e/fixtures/npm-audit-clean.json', import.meta.url);

/**
 * The attack: Jira project ML and Linear team ML belong to different people. A CI token meant for Jira ML
 * (`jira:ML`) must not let its holder vouch for Linear ML's tickets. A bare `ML` scope keeps its old meaning:
 * ML in every tracker.
 */
describe('a token scoped to one tracker', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    h.linear.addTeam({ key: 'ML', name: 'Machine Learning (Linear)' });
  });
  afterAll(async () => {
    await h.close();
  });

  const submit = async (token: string, tracker: 'jira' | 'linear', ticket: string) => {
    const form = new FormData();
    form.set('tracker', tracker);
    form.set('ticket', ticket);
    form.set('criterion', 'dependency-audit');
    form.set('report', new Blob([await readFile(CLEAN)]), 'audit.json');
    const response = await h.api('/evidence', { method: 'POST', body: form, token });
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  };

  it('cannot submit evidence for the same project key in the other tracker', async () => {
    const jiraOnly = await h.createToken('ci', 'ci-jira-ml', ['jira:ML']);

    const refused = await submit(jiraOnly, 'linear', 'ML-7');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN_PROJECT', message: expect.stringContaining('jira:ML') });
    expect((await submit(jiraOnly, 'jira', 'ML-7')).status).toBe(201);
  });

  it('cannot read the other tracker’s decisions or audit history for that key', async () => {
    const jiraOnly = await h.createToken('admin', 'admin-jira-ml', ['jira:ML']);

    expect((await h.api('/tickets/linear/ML-7/decisions', { token: jiraOnly })).status).toBe(403);
    expect((await h.api('/audit/tickets/linear/ML-7', { token: jiraOnly })).status).toBe(403);
    expect((await h.api('/tickets/jira/ML-7/decisions', { token: jiraOnly })).status).toBe(200);
  });

  it('with a bare key still covers both trackers', async () => {
    const bare = await h.createToken('ci', 'ci-ml', ['ML']);

    expect((await submit(bare, 'jira', 'ML-8')).status).toBe(201);
    expect((await submit(bare, 'linear', 'ML-8')).status).toBe(201);
  });
});
