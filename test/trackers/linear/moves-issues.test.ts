import { TrackerPermanentError } from '../../../src/trackers/errors.js';
import { createLinearFixture, type LinearFixture } from './linear-fixture.js';

describe('Linear tracker moving a ticket', () => {
  let fixture: LinearFixture;
  beforeEach(async () => {
    fixture = await createLinearFixture();
  });
  afterEach(() => fixture.linear.close());

  it('moves an issue someone put in Done back to the state it came from', async () => {
    const delivery = fixture.linear.moveIssue('AI-1', fixture.states.done.id, { actorId: 'engineer' });
    const ticket = await fixture.tracker.getTicket({ id: delivery.body.data.id });

    const outcome = await fixture.tracker.moveTo(ticket, delivery.body.updatedFrom['stateId'] ?? '');

    expect(outcome).toEqual({ moved: true, toStatusId: fixture.states.todo.id, toStatusName: 'Todo' });
    expect(fixture.linear.stateOf('AI-1')?.name).toBe('Todo');
  });

  it('reports the move as made by the API key owner, so donegate never gates its own move', async () => {
    const seen = new Promise((resolve) => fixture.linear.events.once('issue-updated', resolve));
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });

    await fixture.tracker.moveTo(ticket, fixture.states.inProgress.id);

    await expect(seen).resolves.toMatchObject({ source: 'api', issue: { stateId: fixture.states.inProgress.id } });
    await expect(fixture.tracker.selfId()).resolves.toBe(fixture.linear.viewer.id);
  });

  it('fails permanently with invalid-request for a state of another team', async () => {
    fixture.linear.addTeam({ key: 'OPS', states: [{ name: 'Shipped', type: 'completed' }] });
    const foreign = fixture.linear.stateNamed('OPS', 'Shipped');
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });

    const error = await fixture.tracker.moveTo(ticket, foreign?.id ?? '').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TrackerPermanentError);
    expect(error).toMatchObject({ fault: 'invalid-request' });
  });
});
