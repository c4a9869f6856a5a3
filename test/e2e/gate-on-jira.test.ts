import { BLOCKED_LABEL, COMMENT_MARKER } from '../../src/domain/index.js';
import { adfToText } from '../../simulators/jira/adf-to-text.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { waitFor } from '../support/wait-for.js';

const ALICE = { actorAccountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Alice Engineer' };

describe('the gate on Jira', () => {
  let h: GateHarness;
  let statuses: { todo: { id: string }; inProgress: { id: string }; done: { id: string } };
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML', name: 'Machine Learning' });
    h.jira.state.addProject({ key: 'PLAT', name: 'Platform' });
    h.jira.state.addProject({ key: 'WEB', name: 'Website' });
    statuses = h.jira.state.useSimplifiedWorkflow();
  });
  afterAll(async () => {
    await h.close();
  });

  const newIssue = (project: string) => h.jira.state.createIssue({ project, status: 'In Progress', summary: 'Train the model', description: 'SECRET-DESCRIPTION-TEXT customer list at s3://raw' });
  const ownComments = (key: string) => h.jira.state.comments(key).filter((c) => c.authorAccountId === h.jira.selfAccountId);
  const transitionPosts = (key: string) => {
    const { id } = h.jira.state.issue(key);
    return h.jira.requests.filter((r) => r.method === 'POST' && (r.path.endsWith(`/issue/${key}/transitions`) || r.path.endsWith(`/issue/${id}/transitions`))).length;
  };

  it('moves a ticket without evidence back, clears its resolution, comments once, labels it and records why', async () => {
    const issue = newIssue('ML');
    const body = h.jira.moveIssue(issue.key, 'Done', ALICE);
    expect(body.changelog.items.map((i) => i.field)).toEqual(['resolution', 'status']);

    const answer = await h.post('jira', body, { deliveryId: 'jira-block-1' });
    expect(answer).toMatchObject({ status: 202, answer: { status: 'accepted' } });
    const decision = await h.decisionFor('jira', issue.key, 'jira-block-1');

    expect(decision).toMatchObject({ outcome: 'fail', rule: 'ml-models', mode: 'block', fromStatus: 'In Progress', toStatus: 'Done' });
    expect(decision.criteria.map((c) => [c.criterion, c.status, c.reason])).toEqual([
      ['pii-scan', 'fail', 'no evidence'],
      ['dependency-audit', 'fail', 'no evidence'],
    ]);
    expect(decision.actions.map((a) => [a.type, a.ok])).toEqual([
      ['move', true],
      ['comment', true],
      ['label-add', true],
      ['property', true],
    ]);
    expect(issue.statusId).toBe(statuses.inProgress.id);
    expect(issue.resolutionId).toBeNull();
    expect(issue.labels).toContain(BLOCKED_LABEL);
    const [comment, ...more] = ownComments(issue.key);
    expect(more).toHaveLength(0);
    const text = adfToText(comment!.body);
    expect(text).toContain(COMMENT_MARKER);
    expect(text).toContain('Moved back to In Progress');
    expect(text).toMatch(/❌ pii-scan — no evidence/);
    expect(text).toContain(`donegate evidence submit --tracker jira --ticket ${issue.key} --criterion dependency-audit`);
    expect(issue.properties.get('donegate.verdict')).toMatchObject({
      status: 'fail',
      rule: 'ml-models',
      criteria: [expect.objectContaining({ criterion: 'pii-scan', status: 'fail' }), expect.objectContaining({ criterion: 'dependency-audit' })],
    });
    expect(h.jira.violations).toEqual([]);
  });

  it('edits the same comment on the next attempt and passes once the evidence is there', async () => {
    const issue = newIssue('ML');
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'jira-pass-1' });
    await h.decisionFor('jira', issue.key, 'jira-pass-1');
    const firstComment = ownComments(issue.key)[0]!;

    await h.supplyEvidence('jira', issue.key, ['pii-scan', 'dependency-audit']);
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'jira-pass-2' });
    const decision = await h.decisionFor('jira', issue.key, 'jira-pass-2');

    expect(decision.outcome).toBe('pass');
    expect(issue.statusId).toBe(statuses.done.id);
    expect(issue.labels).not.toContain(BLOCKED_LABEL);
    const comments = ownComments(issue.key);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(firstComment.id);
    expect(adfToText(comments[0]!.body)).toContain('All 2 security Definition-of-Done checks pass');
    expect(issue.properties.get('donegate.verdict')).toMatchObject({ status: 'pass' });
    const api = await h.api(`/tickets/jira/${issue.key}/decisions`);
    expect(api.status).toBe(200);
    const listed = (await api.json()) as { decisions: Array<{ deliveryId: string; outcome: string }> };
    expect(listed.decisions.map((d) => [d.deliveryId, d.outcome])).toEqual([
      [h.deliveryIdOf('jira', 'jira-pass-1'), 'fail'],
      [h.deliveryIdOf('jira', 'jira-pass-2'), 'pass'],
    ]);
  });

  it('only comments in warn mode, leaving the ticket in Done without the blocked label', async () => {
    const issue = newIssue('PLAT');
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'jira-warn-1' });
    const decision = await h.decisionFor('jira', issue.key, 'jira-warn-1');
    expect(decision).toMatchObject({ outcome: 'fail', mode: 'warn' });
    expect(decision.actions.map((a) => a.type)).toEqual(['comment', 'property']);
    expect(issue.statusId).toBe(statuses.done.id);
    expect(issue.labels).not.toContain(BLOCKED_LABEL);
    expect(adfToText(ownComments(issue.key)[0]!.body)).toMatch(/Warning: 1 of 1 security check is not met/);
  });

  it('acts once on a repeated delivery: one comment, one move', async () => {
    const issue = newIssue('ML');
    const body = h.jira.moveIssue(issue.key, 'Done', ALICE);
    const first = await h.post('jira', body, { deliveryId: 'jira-repeat-1' });
    const again = await h.post('jira', body, { deliveryId: 'jira-repeat-1', retry: 1 });
    expect(first.answer.status).toBe('accepted');
    expect(again).toMatchObject({ status: 202, answer: { status: 'duplicate' } });
    await h.decisionFor('jira', issue.key, 'jira-repeat-1');
    // A third copy after the decision is recorded is dropped too.
    expect((await h.post('jira', body, { deliveryId: 'jira-repeat-1', retry: 2 })).answer.status).toBe('duplicate');
    expect(ownComments(issue.key)).toHaveLength(1);
    expect(transitionPosts(issue.key)).toBe(1);
    expect(await h.decisions('jira', issue.key)).toHaveLength(1);
  });

  it('ignores a move made by donegate itself', async () => {
    const issue = newIssue('ML');
    const body = h.jira.moveIssue(issue.key, 'Done', { actorAccountId: h.jira.selfAccountId });
    await h.post('jira', body, { deliveryId: 'jira-self-1' });
    expect(await h.decisionFor('jira', issue.key, 'jira-self-1')).toMatchObject({ outcome: 'skipped', reason: 'moved by donegate itself' });
    expect(ownComments(issue.key)).toHaveLength(0);
    expect(issue.statusId).toBe(statuses.done.id);
  });

  it('accepts but does not queue updates without a status change or into a status that is not done', async () => {
    const issue = newIssue('ML');
    const toTodo = h.jira.moveIssue(issue.key, 'To Do', ALICE);
    expect(await h.post('jira', toTodo)).toMatchObject({ status: 202, answer: { status: 'ignored', reason: 'not-into-done' } });
    const labelsOnly = { ...toTodo, changelog: { id: '1', items: [{ field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: '', to: null, toString: 'ml' }] } };
    expect(await h.post('jira', labelsOnly)).toMatchObject({ status: 202, answer: { status: 'ignored', reason: 'no-status-change' } });
    expect(await h.decisions('jira', issue.key)).toHaveLength(0);
  });

  it('does not act on a stale delivery when the ticket has moved on before the job runs', async () => {
    const issue = newIssue('ML');
    const intoDone = h.jira.moveIssue(issue.key, 'Done', ALICE);
    h.jira.moveIssue(issue.key, 'In Progress', ALICE);
    await h.post('jira', intoDone, { deliveryId: 'jira-stale-1' });
    const decision = await h.decisionFor('jira', issue.key, 'jira-stale-1');
    expect(decision).toMatchObject({ outcome: 'skipped' });
    expect(decision.reason).toMatch(/now in "In Progress".*stale/);
    expect(ownComments(issue.key)).toHaveLength(0);
    expect(transitionPosts(issue.key)).toBe(0);
  });

  it('says so in the comment, and records it, when the workflow has no way back', async () => {
    const shipped = h.jira.state.addStatus({ name: 'Shipped', category: 'done' });
    const issue = newIssue('ML');
    // A one-way workflow for this test: In Progress → Shipped, and nothing leads back out of Shipped.
    const oneWay = h.jira.state.addTransition({ to: shipped.id, from: [statuses.inProgress.id] });
    const global = h.jira.state.availableTransitions({ ...issue, statusId: shipped.id });
    for (const t of global) h.jira.state.removeTransition(t.id);
    try {
      await h.post('jira', h.jira.moveIssue(issue.key, shipped.id, ALICE), { deliveryId: 'jira-noway-1' });
      const decision = await h.decisionFor('jira', issue.key, 'jira-noway-1');
      expect(decision.outcome).toBe('fail');
      expect(decision.reason).toMatch(/transition/i);
      expect(decision.actions[0]).toMatchObject({ type: 'move', ok: false });
      expect(issue.statusId).toBe(shipped.id);
      expect(issue.labels).toContain(BLOCKED_LABEL);
      expect(adfToText(ownComments(issue.key)[0]!.body)).toMatch(/could not be moved back/);
    } finally {
      h.jira.state.removeTransition(oneWay.id);
      for (const t of global) {
        h.jira.state.addTransition({ id: t.id, name: t.name, to: t.to, resolutionOnScreen: t.resolutionOnScreen, ...(t.from ? { from: t.from } : {}) });
      }
    }
  });

  it('waits out a 429 with Retry-After, then finishes the job', async () => {
    const issue = newIssue('ML');
    const commentPath = new RegExp(`/issue/(${issue.key}|${issue.id})/comment$`);
    h.jira.failNext({ method: 'POST', path: commentPath, status: 429, headers: { 'Retry-After': '1' } });
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'jira-429-1' });
    const decision = await h.decisionFor('jira', issue.key, 'jira-429-1');
    expect(decision.outcome).toBe('fail');
    const commentPosts = h.jira.requests.filter((r) => r.method === 'POST' && commentPath.test(r.path));
    expect(commentPosts.map((r) => r.status)).toEqual([429, 201]);
    expect(ownComments(issue.key)).toHaveLength(1);
    expect(transitionPosts(issue.key)).toBe(1);
    // The retry came after the delay Jira asked for.
    expect(new Date(commentPosts[1]!.at).getTime() - new Date(commentPosts[0]!.at).getTime()).toBeGreaterThanOrEqual(1000);
  });

  it('stops at once and records the fault when the ticket no longer exists', async () => {
    const issue = newIssue('ML');
    const body = h.jira.moveIssue(issue.key, 'Done', ALICE);
    h.jira.failNext({ method: 'GET', path: new RegExp(`/issue/(${issue.id}|${issue.key})$`), status: 404, times: 5 });
    await h.post('jira', body, { deliveryId: 'jira-404-1' });
    const decision = await h.decisionFor('jira', issue.key, 'jira-404-1');
    expect(decision).toMatchObject({ outcome: 'error' });
    expect(decision.reason).toMatch(/^not-found/);
    await waitFor(async () => (await h.service.queue.getFailedCount()) >= 1, { what: 'the job to fail' });
    // Not retried: exactly one read of the ticket answered 404.
    expect(h.jira.requests.filter((r) => r.method === 'GET' && r.status === 404)).toHaveLength(1);
  });

  it('never writes the webhook secret or the ticket description to the log', () => {
    const log = h.logText();
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain('jira-webhook-secret-for-tests');
    expect(log).not.toContain('SECRET-DESCRIPTION-TEXT');
    expect(log).not.toContain(h.jira.apiToken);
  });
});
