import { JOB_CATALOG } from '../../src/queue/job-catalog.js';

const transition = {
  tracker: 'jira',
  deliveryId: 'body-sha256-0f',
  ticketId: '10042',
  ticketKey: 'ML-142',
  fromStatusId: '3',
  toStatusId: '10001',
  occurredAt: '2026-12-01T10:00:00.000Z',
};

describe('a decide-transition job retried after an upgrade', () => {
  it('reads a failed move saved with only `detail` as the tracker explanation, with a fix', () => {
    const payload = JOB_CATALOG['decide-transition'].parse({
      transition,
      receivedAt: '2026-12-01T10:00:01.000Z',
      checkpoint: { move: { moved: false, reason: 'no-transition', detail: "no workflow transition leads from 'Done' to 'In Progress'" } },
    });
    expect(payload.checkpoint?.move).toEqual({
      moved: false,
      reason: 'no-transition',
      explanation: "no workflow transition leads from 'Done' to 'In Progress'",
      fix: expect.stringContaining('transition back'),
    });
  });

  it('keeps a failed move saved with the tracker’s own explanation and fix as it was', () => {
    const move = { moved: false, reason: 'no-transition', explanation: 'no way back', fix: 'a Jira admin can add it' };
    const payload = JOB_CATALOG['decide-transition'].parse({ transition, receivedAt: '2026-12-01T10:00:01.000Z', checkpoint: { move } });
    expect(payload.checkpoint?.move).toEqual(move);
  });

  it('refuses a job for a tracker this installation does not know', () => {
    const parsed = JOB_CATALOG['decide-transition'].safeParse({ transition: { ...transition, tracker: 'trello' }, receivedAt: '2026-12-01T10:00:01.000Z' });
    expect(parsed.success).toBe(false);
  });
});
