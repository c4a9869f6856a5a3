import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

describe('when two deliveries for one ticket are decided at the same time', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
  });
  afterAll(async () => {
    await h.close();
  });

  it('decides them one after the other: one comment, one move, the later one seen as stale', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    const alice = { actorAccountId: 'alice-1', displayName: 'Alice' };
    // Two people (or Jira's retry and the original) deliver moves into Done for the same ticket.
    const first = h.jira.moveIssue(issue.key, 'Done', alice);
    const second = { ...first, timestamp: first.timestamp + 1 };
    await Promise.all([h.post('jira', first, { deliveryId: 'race-a' }), h.post('jira', second, { deliveryId: 'race-b' })]);
    const [a, b] = await Promise.all([h.decisionFor('jira', issue.key, 'race-a'), h.decisionFor('jira', issue.key, 'race-b')]);

    expect([a.outcome, b.outcome].sort()).toEqual(['fail', 'skipped']);
    expect(h.jira.state.comments(issue.key).filter((c) => c.authorAccountId === h.jira.selfAccountId)).toHaveLength(1);
    expect(h.jira.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/transitions'))).toHaveLength(1);
  });
});

describe('the gate on the embedded PGlite store', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness({ store: 'pglite' });
    h.linear.addTeam({ key: 'AI' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('blocks and records the decision exactly as on PostgreSQL', async () => {
    const issue = h.linear.addIssue({ team: 'AI', title: 'Fine-tune', stateId: 'In Progress' });
    const delivery = h.linear.moveIssue(issue.identifier, h.linear.stateNamed('AI', 'Done')!.id, { actorId: 'someone' });
    await h.post('linear', delivery.body, { deliveryId: delivery.deliveryId });
    const decision = await h.decisionFor('linear', issue.identifier, delivery.deliveryId);
    expect(decision).toMatchObject({ outcome: 'fail', rule: 'ml-models' });
    expect(h.linear.stateOf(issue.identifier)?.name).toBe('In Progress');
  });
});
