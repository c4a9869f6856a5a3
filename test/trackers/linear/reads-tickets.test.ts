import { TrackerPermanentError } from '../../../src/trackers/errors.js';
import { createLinearFixture, type LinearFixture } from './linear-fixture.js';

describe('Linear tracker reading a ticket', () => {
  let fixture: LinearFixture;
  beforeEach(async () => {
    fixture = await createLinearFixture();
  });
  afterEach(() => fixture.linear.close());

  it('reads an issue by its identifier with state type, team key and label names', async () => {
    const ml = fixture.linear.addLabel({ name: 'ml' });
    fixture.linear.addIssue({ team: 'AI', title: 'Second', labelIds: [ml.id] });

    const ticket = await fixture.tracker.getTicket({ key: 'AI-2' });

    expect(ticket).toEqual({
      tracker: 'linear',
      id: expect.any(String),
      key: 'AI-2',
      title: 'Second',
      status: { id: fixture.states.todo.id, name: 'Todo', category: 'unstarted', isDone: false },
      project: 'AI',
      labels: ['ml'],
      url: expect.stringContaining('/issue/AI-2'),
      attachments: [],
    });
    expect(ticket).not.toHaveProperty('issueType');
  });

  it('reads the assignee by display name, and none for an unassigned issue', async () => {
    const ada = fixture.linear.addUser({ name: 'Ada Lovelace' });
    fixture.linear.addIssue({ team: 'AI', title: 'Assigned', assigneeId: ada.id });
    expect((await fixture.tracker.getTicket({ key: 'AI-2' })).assignee).toBe('ada');
    expect(await fixture.tracker.getTicket({ key: 'AI-1' })).not.toHaveProperty('assignee');
  });

  it('reads an issue by its UUID, and the id wins over the key when both are given', async () => {
    const ticket = await fixture.tracker.getTicket({ id: fixture.issue.id, key: 'AI-999' });

    expect(ticket.key).toBe('AI-1');
    expect(ticket.id).toBe(fixture.issue.id);
  });

  it('marks a ticket in a completed state as done', async () => {
    fixture.linear.moveIssue('AI-1', fixture.states.done.id, { actorId: 'someone' });

    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });

    expect(ticket.status).toMatchObject({ name: 'Done', category: 'completed', isDone: true });
  });

  it('fails permanently with not-found for an unknown issue', async () => {
    const error = await fixture.tracker.getTicket({ key: 'AI-404' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TrackerPermanentError);
    expect(error).toMatchObject({ tracker: 'linear', fault: 'not-found' });
    expect(fixture.linear.violations).toEqual([]);
  });

  it('fails permanently with unauthorized, naming LINEAR_API_KEY, when the key is wrong', async () => {
    const wrong = await createLinearFixture('lin_api_wrong_key_123');
    try {
      const error = await wrong.tracker.getTicket({ key: 'AI-1' }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(TrackerPermanentError);
      expect(error).toMatchObject({ fault: 'unauthorized' });
      expect((error as Error).message).toContain('LINEAR_API_KEY');
      expect((error as Error).message).not.toContain('lin_api_wrong_key_123');
    } finally {
      await wrong.linear.close();
    }
  });

  it('never puts the issue description into an error message', async () => {
    fixture.linear.failNext({ kind: 'server-error' });

    const error = (await fixture.tracker.getTicket({ key: 'AI-1' }).catch((e: unknown) => e)) as Error;

    expect(error.message).not.toContain('customer emails');
  });
});
