import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateHarness, TEST_POLICY, type GateHarness } from '../support/gate-harness.js';

const ALICE = { actorAccountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Alice Engineer' };
// The ML projects only warned now: one rule, and a different hash.
const WARN_ONLY_POLICY = `version: 1
rules:
  - name: ml-warn
    match:
      jira: { projects: [ML] }
    mode: warn
    require:
      - pii-scan
`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('POST /api/v1/admin/policy/reload', () => {
  let h: GateHarness;
  let policyFile: string;
  beforeAll(async () => {
    policyFile = join(await mkdtemp(join(tmpdir(), 'donegate-reload-')), 'policy.yaml');
    await writeFile(policyFile, TEST_POLICY);
    h = await startGateHarness({ store: 'pglite', env: { POLICY_FILE: policyFile } });
    h.jira.state.addProject({ key: 'ML', name: 'Machine Learning' });
    h.jira.state.useSimplifiedWorkflow();
  });
  afterAll(async () => {
    await h.close();
  });

  const reload = (token?: string) => h.api('/admin/policy/reload', { method: 'POST', ...(token === undefined ? {} : { token }) });
  const decide = async (deliveryId: string) => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train the model' });
    const { answer } = await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId });
    expect(answer.status).toBe('accepted');
    return h.decisionFor('jira', issue.key, deliveryId);
  };
  const reloadEntries = async () =>
    h.service.db.query<{ actor: string; data: Record<string, unknown> }>("SELECT actor, data FROM audit_log WHERE type = 'policy-reloaded' ORDER BY seq");

  it('refuses a token without the admin role with 403, and reloads nothing', async () => {
    await writeFile(policyFile, WARN_ONLY_POLICY);
    const response = await reload(await h.createToken('approver', 'reload-approver'));
    expect(response.status).toBe(403);
    expect((await decide('before-reload-1')).policyHash).toBe(sha256(TEST_POLICY));
    expect(await reloadEntries()).toEqual([]);
  });

  it('replaces the policy with a good file for the next decision, answers both hashes and audits who asked', async () => {
    await writeFile(policyFile, WARN_ONLY_POLICY);
    const response = await reload();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'reloaded', oldHash: sha256(TEST_POLICY), newHash: sha256(WARN_ONLY_POLICY), rules: 1 });
    const decision = await decide('after-reload-1');
    expect(decision).toMatchObject({ policyHash: sha256(WARN_ONLY_POLICY), rule: 'ml-warn', mode: 'warn' });
    expect((await reloadEntries()).at(-1)).toEqual({
      actor: 'token:test-admin',
      data: { via: 'api', oldHash: sha256(TEST_POLICY), newHash: sha256(WARN_ONLY_POLICY), rules: 1 },
    });
    expect(h.logText()).toContain(`policy reloaded: ${sha256(WARN_ONLY_POLICY)}`);
  });

  it('keeps the policy in force when the file is bad, answering 422 with the loader’s problems', async () => {
    await writeFile(policyFile, 'version: 1\nrules:\n  - name: broken\n    match: {}\n    mode: block\n    require: [no-such-criterion]\n');
    const response = await reload();
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; problems: string[] }; oldHash: string };
    expect(body.error.code).toBe('POLICY_INVALID');
    expect(body.error.problems.join('\n')).toContain('unknown criterion "no-such-criterion"');
    expect(body.oldHash).toBe(sha256(WARN_ONLY_POLICY));
    expect((await decide('after-bad-reload-1')).policyHash).toBe(sha256(WARN_ONLY_POLICY));
    const entry = (await reloadEntries()).at(-1)!;
    expect(entry.data).toMatchObject({ via: 'api', oldHash: sha256(WARN_ONLY_POLICY), problems: [expect.stringContaining('no-such-criterion')] });
    expect(entry.data.newHash).toBeUndefined();
    expect(h.logText()).toMatch(/policy not reloaded, the one in force is kept: [^\n]*unknown criterion/);
  });
});
