import { startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { waitFor } from '../support/wait-for.js';

const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice Engineer' };

/**
 * The attack: someone who captured one signed Jira delivery (a proxy log, a misrouted webhook) sends it
 * again. Jira's `X-Atlassian-Webhook-Identifier` is not signed, so they can change it at will, and they can
 * wait until BullMQ has dropped the completed job. A replay must change nothing: no second decision, no
 * second comment, no second move.
 */
describe('a replayed Jira delivery', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
  });
  afterAll(async () => {
    await h.close();
  });

  const ownComments = (key: string) => h.jira.state.comments(key).filter((c) => c.authorAccountId === h.jira.selfAccountId);
  const transitionPosts = (key: string) => {
    const { id } = h.jira.state.issue(key);
    return h.jira.requests.filter((r) => r.method === 'POST' && (r.path.endsWith(`/issue/${key}/transitions`) || r.path.endsWith(`/issue/${id}/transitions`))).length;
  };
  /** Post the same signed bytes again and wait until the job it made (if any) has run to the end. */
  const replay = async (body: object, deliveryId: string) => {
    const { status, answer } = await h.post('jira', body, { deliveryId });
    const jobId = String(answer.jobId);
    await waitFor(async () => ['completed', 'failed', 'unknown'].includes(await h.service.queue.getJobState(jobId)), { what: `job ${jobId} to finish` });
    return { status, answer, jobId };
  };

  it('decides once, whether replayed under the same or a new identifier header, before or after the job is removed', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train the model' });
    const captured = h.jira.moveIssue(issue.key, 'Done', ALICE);
    const first = await h.post('jira', captured, { deliveryId: 'captured-1' });
    expect(first).toMatchObject({ status: 202, answer: { status: 'accepted' } });
    const decision = await h.decisionFor('jira', issue.key, 'captured-1');
    expect(decision.outcome).toBe('fail');
    await waitFor(async () => (await h.service.queue.getJobState(String(first.answer.jobId))) === 'completed', { what: 'the first job to complete' });
    // The engineer moves it to Done again (that delivery is lost): a replay acted on would move it back again.
    h.jira.moveIssue(issue.key, 'Done', ALICE);
    const commentsAfterFirst = ownComments(issue.key).length;
    const movesAfterFirst = transitionPosts(issue.key);

    // Same bytes, a fresh identifier header: still the same delivery.
    const sameBodyNewHeader = await replay(captured, 'attacker-chosen-1');
    expect(sameBodyNewHeader.status).toBe(202);
    expect(sameBodyNewHeader.answer).toMatchObject({ status: 'duplicate', deliveryId: decision.deliveryId });

    // After BullMQ has removed the completed job, the decision row still recognises it: same and new header.
    await (await h.service.queue.getJob(String(first.answer.jobId)))!.remove();
    expect(await h.service.queue.getJobState(String(first.answer.jobId))).toBe('unknown');
    const afterRemovalSameHeader = await replay(captured, 'captured-1');
    const afterRemovalNewHeader = await replay(captured, 'attacker-chosen-2');
    expect([afterRemovalSameHeader.status, afterRemovalNewHeader.status]).toEqual([202, 202]);

    const decisions = await h.decisions('jira', issue.key);
    expect(decisions).toHaveLength(1);
    expect(ownComments(issue.key)).toHaveLength(commentsAfterFirst);
    expect(transitionPosts(issue.key)).toBe(movesAfterFirst);
  });
});
