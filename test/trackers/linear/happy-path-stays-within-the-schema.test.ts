import { BLOCKED_LABEL, type VerdictComment } from '../../../src/domain/index.js';
import { createLinearFixture } from './linear-fixture.js';

const verdict: VerdictComment = {
  status: 'fail',
  mode: 'block',
  headline: 'Moved back to Todo.',
  criteria: [{ criterion: 'pii-scan', status: 'fail', reason: 'no evidence', fix: 'donegate evidence submit' }],
  notes: [],
  footer: 'rule ml-models',
};

describe('Linear tracker on a full gate run', () => {
  it('sends only documents the real Linear accepts', async () => {
    const { linear, tracker, states } = await createLinearFixture();
    try {
      const delivery = linear.moveIssue('AI-1', states.done.id, { actorId: 'engineer', actorName: 'Eve Engineer' });

      expect(await tracker.selfId()).not.toBe(delivery.body.actor.id);
      const ticket = await tracker.getTicket({ id: delivery.body.data.id });
      await tracker.moveTo(ticket, delivery.body.updatedFrom['stateId'] ?? '');
      await tracker.upsertComment(ticket, verdict);
      await tracker.addLabel(ticket, BLOCKED_LABEL);
      await tracker.upsertComment(ticket, { ...verdict, status: 'pass' });
      await tracker.removeLabel(ticket, BLOCKED_LABEL);

      expect(linear.violations).toEqual([]);
      expect(linear.requests.every((request) => request.status === 200)).toBe(true);
      expect(linear.stateOf('AI-1')?.name).toBe('Todo');
      expect(linear.commentsOn('AI-1')).toHaveLength(1);
      expect(linear.labelNamesOf('AI-1')).toEqual([]);
    } finally {
      await linear.close();
    }
  });
});
