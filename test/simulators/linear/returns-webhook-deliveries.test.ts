import { createHmac } from 'node:crypto';
import { createLinearSimulator, type LinearSimulator } from '../../../simulators/linear/index.js';

describe('Linear simulator moving an issue on the board', () => {
  let linear: LinearSimulator;
  beforeEach(async () => {
    linear = await createLinearSimulator({ webhookSecret: 'whsec_test' });
  });
  afterEach(() => linear.close());

  it("returns the Issue update delivery Linear would send, in Linear's documented shape", () => {
    const team = linear.addTeam({
      key: 'AI',
      name: 'Applied AI',
      states: [
        { name: 'Todo', type: 'unstarted' },
        { name: 'In Progress', type: 'started' },
        { name: 'Done', type: 'completed', color: '#5e6ad2' },
      ],
    });
    const ml = linear.addLabel({ name: 'ml' });
    const issue = linear.addIssue({ team: 'AI', title: 'Train the model', labelIds: [ml.id] });
    const [todo, , done] = team.states;
    const before = Date.now();

    const delivery = linear.moveIssue('AI-1', done?.id ?? '', { actorId: 'user-eve', actorName: 'Eve Engineer' });

    expect(delivery.deliveryId).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery.body).toMatchObject({
      action: 'update',
      type: 'Issue',
      data: {
        id: issue.id,
        identifier: 'AI-1',
        title: 'Train the model',
        stateId: done?.id,
        state: { id: done?.id, name: 'Done', type: 'completed', color: '#5e6ad2' },
        teamId: team.id,
        team: { id: team.id, key: 'AI', name: 'Applied AI' },
        labelIds: [ml.id],
        completedAt: expect.any(String),
      },
      updatedFrom: { stateId: todo?.id, updatedAt: issue.updatedAt, completedAt: null },
      url: expect.stringContaining('/issue/AI-1'),
      organizationId: linear.store.organization.id,
      webhookId: expect.any(String),
      actor: { id: 'user-eve', type: 'user', name: 'Eve Engineer' },
    });
    expect(delivery.body.webhookTimestamp).toBeGreaterThanOrEqual(before);
    expect(Date.parse(delivery.body.createdAt)).toBeGreaterThanOrEqual(before - 1);
    expect(JSON.parse(delivery.rawBody)).toEqual(delivery.body);
    expect(linear.stateOf('AI-1')?.name).toBe('Done');
  });

  it('carries the delivery headers, with the signature over the raw body', () => {
    linear.addTeam({ key: 'AI' });
    linear.addIssue({ team: 'AI', title: 't' });

    const delivery = linear.moveIssue('AI-1', 'Done', { actorId: 'user-eve' });

    expect(delivery.headers).toMatchObject({
      'linear-delivery': delivery.deliveryId,
      'linear-event': 'Issue',
      'content-type': expect.stringContaining('application/json'),
      'linear-signature': createHmac('sha256', 'whsec_test').update(delivery.rawBody).digest('hex'),
    });
  });

  it('emits issue-updated from the board', () => {
    linear.addTeam({ key: 'AI' });
    linear.addIssue({ team: 'AI', title: 't' });
    const seen: string[] = [];
    linear.events.on('issue-updated', ({ source, issue }) => seen.push(`${source}:${issue.identifier}`));

    linear.moveIssue('AI-1', 'In Progress', { actorId: 'user-eve' });

    expect(seen).toEqual(['board:AI-1']);
  });
});
