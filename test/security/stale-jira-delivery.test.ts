import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice Engineer' };
const HOUR_MS = 60 * 60 * 1000;

/**
 * The attack: a signed Jira delivery captured long ago (say, an ML ticket's move to Done a week back) is sent
 * now, under a header nobody has seen. Jira signs no timestamp header, but the body's `timestamp` is signed:
 * older than JIRA_DELIVERY_MAX_AGE_SECONDS (default one hour), it is answered 202 so the sender stops, logged
 * at warn, and never acted on.
 */
describe('a Jira delivery whose signed timestamp is stale', () => {
  let h: GateHarness;
  let done: { id: string };
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    ({ done } = h.jira.state.useSimplifiedWorkflow());
  });
  afterAll(async () => {
    await h.close();
  });

  it('is answered 202 ignored, logged, and neither queued nor decided, with the default window', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train the model' });
    const body = { ...h.jira.moveIssue(issue.key, 'Done', ALICE), timestamp: Date.now() - 2 * HOUR_MS };

    const answer = await h.post('jira', body, { deliveryId: 'never-seen-before' });

    expect(answer).toMatchObject({ status: 202, answer: { status: 'ignored', reason: 'stale-delivery' } });
    expect(Object.values(await h.service.queue.getJobCounts()).every((count) => count === 0)).toBe(true);
    expect(await h.decisions('jira', issue.key)).toEqual([]);
    expect(h.jira.state.issue(issue.key).statusId).toBe(done.id);
    expect(h.jira.state.comments(issue.key)).toEqual([]);
    const line = h
      .logText()
      .split('\n')
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.msg === 'webhook delivery' && entry.ticketKey === issue.key);
    expect(line).toMatchObject({ level: 40, outcome: 'ignored:stale-delivery', trackerDeliveryId: 'never-seen-before', status: 202 });
  });

  it('is still acted on within the window, so late retries from Jira are gated', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train the model' });
    const body = { ...h.jira.moveIssue(issue.key, 'Done', ALICE), timestamp: Date.now() - 30 * 60 * 1000 };

    expect(await h.post('jira', body, { deliveryId: 'late-retry' })).toMatchObject({ status: 202, answer: { status: 'accepted' } });
    expect((await h.decisionFor('jira', issue.key, 'late-retry')).outcome).toBe('fail');
  });
});
