import { adfToText } from '../../simulators/jira/adf-to-text.js';
import type { TrackerName } from '../../src/domain/index.js';
import { jiraCommentDelivery, linearCommentDelivery } from '../support/comment-deliveries.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { waitFor } from '../support/wait-for.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const until = new Date(Date.now() + 5 * DAY_MS).toISOString().slice(0, 10);
/** Not an approver: donegate answers with a reply saying so. */
const COMMAND = `/donegate waive pii-scan until ${until}: trust me`;

/**
 * The attack: a captured `/donegate waive …` comment delivery is sent again and again, under fresh
 * delivery-id headers and after the job is gone, to make donegate reply each time (noise on the ticket, a
 * notification to every watcher). A comment is created once, so donegate answers it once.
 */
describe('a replayed /donegate comment command', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    h.linear.addTeam({ key: 'AI', name: 'Applied AI' });
    h.linear.addUser({ id: 'bob-linear', name: 'Bob Developer' });
  });
  afterAll(async () => {
    await h.close();
  });

  /** Deliver the captured body under `deliveryId`, then wait until the job it maps to has run to the end. */
  const deliver = async (tracker: TrackerName, body: object, deliveryId: string) => {
    const { status, answer } = await h.post(tracker, body, { deliveryId });
    const jobId = String(answer.jobId);
    await waitFor(async () => ['completed', 'failed'].includes(await h.service.queue.getJobState(jobId)), { what: `job ${jobId} to finish` });
    return { status, jobId };
  };
  /** The captured delivery, then the same bytes under a new header, then again after the job is removed. */
  const replayThreeTimes = async (tracker: TrackerName, captured: object) => {
    const first = await deliver(tracker, captured, `${tracker}-captured`);
    await deliver(tracker, captured, `${tracker}-attacker-1`);
    await (await h.service.queue.getJob(first.jobId))!.remove();
    const afterRemoval = await deliver(tracker, captured, `${tracker}-attacker-2`);
    return { first, afterRemoval };
  };

  it('posts one reply on Jira, whatever the delivery header and after the job is removed', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    const captured = jiraCommentDelivery(h.jira, issue.key, 'bob-dev', COMMAND);

    await replayThreeTimes('jira', captured);

    const replies = h.jira.state.comments(issue.key).filter((c) => c.authorAccountId === h.jira.selfAccountId);
    expect(replies.map((c) => adfToText(c.body))).toEqual([expect.stringContaining('only the approvers listed')]);
    expect(await h.decisions('jira', issue.key)).toHaveLength(1);
  });

  it('posts one reply on Linear, whatever the delivery header and after the job is removed', async () => {
    const issue = h.linear.addIssue({ team: 'AI', title: 'Evaluate retrieval model', stateId: 'In Progress' });
    const captured = linearCommentDelivery(h.linear, issue.identifier, 'bob-linear', COMMAND);

    await replayThreeTimes('linear', captured);

    const replies = h.linear.commentsOn(issue.identifier).filter((c) => c.userId === h.linear.viewer.id);
    expect(replies.map((c) => c.body)).toEqual([expect.stringContaining('only the approvers listed')]);
    expect(await h.decisions('linear', issue.identifier)).toHaveLength(1);
  });
});
