import { BLOCKED_LABEL, COMMENT_MARKER } from '../../src/domain/index.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

describe('the gate on Linear', () => {
  let h: GateHarness;
  let lena: { id: string };
  beforeAll(async () => {
    h = await startGateHarness();
    h.linear.addTeam({ key: 'AI', name: 'Applied AI' });
    h.linear.addTeam({ key: 'PLAT', name: 'Platform' });
    lena = h.linear.addUser({ name: 'Lena Fischer', email: 'lena@example.com' });
  });
  afterAll(async () => {
    await h.close();
  });

  const newIssue = (team: string) => h.linear.addIssue({ team, title: 'Evaluate retrieval model', description: 'SECRET-DESCRIPTION-TEXT support corpus', stateId: 'In Progress' });
  const stateId = (team: string, name: string) => h.linear.stateNamed(team, name)!.id;
  const ownComments = (key: string) => h.linear.commentsOn(key).filter((c) => c.userId === h.linear.viewer.id);
  /** Move as Lena would on the board, and deliver the webhook Linear sends for it (fresh timestamp). */
  const moveAndDeliver = async (key: string, team: string, to: string, actorId = lena.id) => {
    const delivery = h.linear.moveIssue(key, stateId(team, to), { actorId });
    const answer = await h.post('linear', delivery.body, { deliveryId: delivery.deliveryId });
    return { delivery, answer };
  };

  it('moves a ticket without evidence back to its previous state, with one Markdown checklist comment and the label', async () => {
    const issue = newIssue('AI');
    const { delivery, answer } = await moveAndDeliver(issue.identifier, 'AI', 'Done');
    expect(answer).toMatchObject({ status: 200, answer: { status: 'accepted' } });
    const decision = await h.decisionFor('linear', issue.identifier, delivery.deliveryId);

    expect(decision).toMatchObject({ outcome: 'fail', rule: 'ml-models', mode: 'block' });
    // Linear keeps no issue properties, so none is claimed in the record.
    expect(decision.actions.map((a) => a.type)).toEqual(['move', 'comment', 'label-add']);
    expect(h.linear.stateOf(issue.identifier)?.name).toBe('In Progress');
    expect(h.linear.labelNamesOf(issue.identifier)).toContain(BLOCKED_LABEL);
    const [comment, ...more] = ownComments(issue.identifier);
    expect(more).toHaveLength(0);
    expect(comment!.body).toContain(COMMENT_MARKER);
    expect(comment!.body).toContain('Moved back to In Progress');
    expect(comment!.body).toMatch(/❌ `pii-scan` — no evidence/);
    expect(comment!.body).toContain(`donegate evidence submit --tracker linear --ticket ${issue.identifier} --criterion dependency-audit`);
    expect(h.linear.violations).toEqual([]);
  });

  it('passes once the evidence is there, editing the same comment and removing the label', async () => {
    const issue = newIssue('AI');
    const first = await moveAndDeliver(issue.identifier, 'AI', 'Done');
    await h.decisionFor('linear', issue.identifier, first.delivery.deliveryId);
    const commentId = ownComments(issue.identifier)[0]!.id;

    await h.supplyEvidence('linear', issue.identifier, ['pii-scan', 'dependency-audit']);
    const second = await moveAndDeliver(issue.identifier, 'AI', 'Done');
    expect((await h.decisionFor('linear', issue.identifier, second.delivery.deliveryId)).outcome).toBe('pass');
    expect(h.linear.stateOf(issue.identifier)?.name).toBe('Done');
    expect(h.linear.labelNamesOf(issue.identifier)).not.toContain(BLOCKED_LABEL);
    expect(ownComments(issue.identifier).map((c) => c.id)).toEqual([commentId]);
    expect(ownComments(issue.identifier)[0]!.body).toContain('All 2 security Definition-of-Done checks pass');
  });

  it('only comments in warn mode', async () => {
    const issue = newIssue('PLAT');
    const { delivery } = await moveAndDeliver(issue.identifier, 'PLAT', 'Done');
    const decision = await h.decisionFor('linear', issue.identifier, delivery.deliveryId);
    expect(decision).toMatchObject({ outcome: 'fail', mode: 'warn' });
    expect(h.linear.stateOf(issue.identifier)?.name).toBe('Done');
    expect(h.linear.labelNamesOf(issue.identifier)).not.toContain(BLOCKED_LABEL);
    expect(ownComments(issue.identifier)[0]!.body).toMatch(/Warning: 1 of 1 security check is not met/);
  });

  it('ignores a move made by donegate’s own Linear user', async () => {
    const issue = newIssue('AI');
    const { delivery } = await moveAndDeliver(issue.identifier, 'AI', 'Done', h.linear.viewer.id);
    expect(await h.decisionFor('linear', issue.identifier, delivery.deliveryId)).toMatchObject({ outcome: 'skipped', reason: 'moved by donegate itself' });
    expect(ownComments(issue.identifier)).toHaveLength(0);
  });

  it('accepts a repeated delivery once', async () => {
    const issue = newIssue('AI');
    const delivery = h.linear.moveIssue(issue.identifier, stateId('AI', 'Done'), { actorId: lena.id });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await h.post('linear', delivery.body, { deliveryId: delivery.deliveryId })).answer.status);
    expect(answers).toEqual(['accepted', 'duplicate', 'duplicate']);
    await h.decisionFor('linear', issue.identifier, delivery.deliveryId);
    expect(ownComments(issue.identifier)).toHaveLength(1);
    expect(await h.decisions('linear', issue.identifier)).toHaveLength(1);
  });

  it('ignores moves into states that are not completed', async () => {
    const issue = newIssue('AI');
    const { answer } = await moveAndDeliver(issue.identifier, 'AI', 'In Review');
    expect(answer).toMatchObject({ status: 200, answer: { status: 'ignored', reason: 'not-into-done' } });
  });

  it('honours Linear’s rate limit, then finishes the job', async () => {
    const issue = newIssue('AI');
    h.linear.failNext({ operation: 'commentCreate', kind: 'ratelimited', retryAfterMs: 1000 });
    const { delivery } = await moveAndDeliver(issue.identifier, 'AI', 'Done');
    const decision = await h.decisionFor('linear', issue.identifier, delivery.deliveryId);
    expect(decision.outcome).toBe('fail');
    const creates = h.linear.requests.filter((r) => r.rootFields.includes('commentCreate') && JSON.stringify(r.variables).includes(issue.id));
    expect(creates.map((r) => r.outcome)).toEqual(['ratelimited', 'ok']);
    expect(creates[1]!.at - creates[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(ownComments(issue.identifier)).toHaveLength(1);
    expect(h.linear.stateOf(issue.identifier)?.name).toBe('In Progress');
  });

  it('never writes the webhook secret, the API key or the ticket description to the log', () => {
    const log = h.logText();
    expect(log).not.toContain('linear-webhook-secret-for-tests');
    expect(log).not.toContain(h.linear.apiKey);
    expect(log).not.toContain('SECRET-DESCRIPTION-TEXT');
  });
});
