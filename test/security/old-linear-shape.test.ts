import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

/**
 * The failure: Linear sends some deliveries in older shapes, without `data.identifier`. Refusing them with
 * 400 makes Linear retry and, in time, disable the webhook, so donegate stops seeing real moves to Done.
 * A delivery is refused only when it would be acted on and lacks what the decision needs; the identifier is
 * rebuilt from `data.team.key` + `data.number`, as Linear builds it.
 */
describe('a Linear Issue delivery in the older shape, without data.identifier', () => {
  let h: GateHarness;
  let lena: { id: string };
  beforeAll(async () => {
    h = await startGateHarness();
    h.linear.addTeam({ key: 'AI', name: 'Applied AI' });
    lena = h.linear.addUser({ name: 'Lena Fischer', email: 'lena@example.com' });
  });
  afterAll(async () => {
    await h.close();
  });

  const stateId = (name: string) => h.linear.stateNamed('AI', name)!.id;
  /** The delivery Linear sends for a move, as the older shape: no identifier, and no team either when asked. */
  const olderShape = (delivery: { body: { data: object } }, drop: string[]) => {
    const data: Record<string, unknown> = { ...delivery.body.data };
    for (const key of drop) delete data[key];
    return { ...delivery.body, data };
  };

  it('is answered 200 ignored for a title edit, even with neither identifier nor team', async () => {
    const issue = h.linear.addIssue({ team: 'AI', title: 'Evaluate retrieval model', stateId: 'In Progress' });
    const move = h.linear.moveIssue(issue.identifier, stateId('In Progress'), { actorId: lena.id });
    const titleEdit = { ...olderShape(move, ['identifier', 'team', 'stateId']), updatedFrom: { title: 'Evaluate model', updatedAt: new Date().toISOString() } };

    const answer = await h.post('linear', titleEdit, { deliveryId: 'old-shape-title-edit' });

    expect(answer).toMatchObject({ status: 200, answer: { status: 'ignored', reason: 'no-status-change' } });
  });

  it('is normalised from team.key and number, and decided, for a move into Done', async () => {
    const issue = h.linear.addIssue({ team: 'AI', title: 'Evaluate retrieval model', stateId: 'In Progress' });
    const move = h.linear.moveIssue(issue.identifier, stateId('Done'), { actorId: lena.id });

    const answer = await h.post('linear', olderShape(move, ['identifier']), { deliveryId: move.deliveryId });

    expect(answer).toMatchObject({ status: 200, answer: { status: 'accepted' } });
    const decision = await h.decisionFor('linear', issue.identifier, move.deliveryId);
    expect(decision).toMatchObject({ ticketKey: issue.identifier, outcome: 'fail' });
    expect(h.linear.stateOf(issue.identifier)?.name).toBe('In Progress');
  });

  it('is refused with 400, naming what is missing, only for a move into Done that lacks the key entirely', async () => {
    const issue = h.linear.addIssue({ team: 'AI', title: 'Evaluate retrieval model', stateId: 'In Progress' });
    const move = h.linear.moveIssue(issue.identifier, stateId('Done'), { actorId: lena.id });

    const answer = await h.post('linear', olderShape(move, ['identifier', 'team', 'number']), { deliveryId: 'old-shape-no-key' });

    expect(answer).toMatchObject({ status: 400, answer: { error: { code: 'WEBHOOK_INVALID_PAYLOAD', message: expect.stringContaining('data.team.key and data.number') } } });
  });
});
