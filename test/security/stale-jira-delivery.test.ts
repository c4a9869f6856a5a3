import { jiraCommentDelivery } from '../support/comment-deliveries.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { waitFor } from '../support/wait-for.js';

const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice Engineer' };
const HOUR_MS = 60 * 60 * 1000;

/**
 * The attack: a signed Jira delivery captured long ago (say, an ML ticket's move to Done a week back) is sent
 * now, under a header nobody has seen. Jira signs no timestamp header, but the body's `timestamp` is signed:
 * older than JIRA_DELIVERY_MAX_AGE_SECONDS (default one hour), it is answered 202 so the sender stops, logged
 * at warn, recorded as a skipped decision (and so in the audit log), and never acted on.
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

  it('is answered 202 ignored, logged at warn, recorded as a skipped decision in the audit log, and not acted on', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train the model' });
    const body = { ...h.jira.moveIssue(issue.key, 'Done', ALICE), timestamp: Date.now() - 2 * HOUR_MS };

    const answer = await h.post('jira', body, { deliveryId: 'never-seen-before' });

    expect(answer).toMatchObject({ status: 202, answer: { status: 'ignored', reason: 'stale-delivery' } });
    const decision = await h.decisionFor('jira', issue.key, 'never-seen-before');
    expect(decision).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('stale delivery'), actions: [] });
    expect(h.jira.state.issue(issue.key).statusId).toBe(done.id);
    expect(h.jira.state.comments(issue.key)).toEqual([]);
    expect(h.jira.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    const audit = await waitFor(async () => {
      const { entries } = (await (await h.api(`/audit/tickets/jira/${issue.key}`)).json()) as { entries: Array<{ type: string; data: Record<string, unknown> }> };
      return entries.length > 0 ? entries : undefined;
    }, { what: 'the audit entry of the stale delivery' });
    expect(audit).toEqual([expect.objectContaining({ type: 'decision', data: expect.objectContaining({ deliveryId: decision.deliveryId, outcome: 'skipped' }) })]);
    const line = h
      .logText()
      .split('\n')
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.msg === 'webhook delivery' && entry.ticketKey === issue.key);
    expect(line).toMatchObject({ level: 40, outcome: 'ignored:stale-delivery', trackerDeliveryId: 'never-seen-before', status: 202 });
  });

  it('is ignored without a reply when it is an old /donegate comment', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train the model' });
    const comment = { ...(jiraCommentDelivery(h.jira, issue.key, 'bob-dev', '/donegate waive pii-scan until 2099-01-01: old') as object), timestamp: Date.now() - 2 * HOUR_MS };

    expect(await h.post('jira', comment, { deliveryId: 'old-comment' })).toMatchObject({ status: 202, answer: { status: 'ignored', reason: 'stale-delivery' } });
    expect(await h.decisions('jira', issue.key)).toEqual([]);
  });

  it('is still acted on within the window, so late retries from Jira are gated', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train the model' });
    const body = { ...h.jira.moveIssue(issue.key, 'Done', ALICE), timestamp: Date.now() - 30 * 60 * 1000 };

    expect(await h.post('jira', body, { deliveryId: 'late-retry' })).toMatchObject({ status: 202, answer: { status: 'accepted' } });
    expect((await h.decisionFor('jira', issue.key, 'late-retry')).outcome).toBe('fail');
  });
});
