import { Redis } from 'ioredis';
import { BLOCKED_LABEL, COMMENT_MARKER } from '../../src/domain/index.js';
import { ticketLockKey } from '../../src/queue/job-catalog.js';
import { jobIdForDelivery } from '../../src/queue/job-id.js';
import { createTicketLock } from '../../src/queue/ticket-lock.js';
import { createGithubSimulator, type GithubSimulator, type GithubWebhookDelivery } from '../../simulators/github/index.js';
import { startGateHarness, TEST_POLICY, type GateHarness } from '../support/gate-harness.js';
import { TEST_REDIS_URL } from '../support/redis.js';
import { waitFor } from '../support/wait-for.js';

const GITHUB_SECRET = 'github-webhook-secret-for-tests';

/** TEST_POLICY with GitHub repositories beside the Jira projects and Linear teams, and a GitHub approver. */
const policyWith = (approverId: number) =>
  TEST_POLICY.replace('      linear: { teams: [AI] }\n', '      linear: { teams: [AI] }\n      github: { repos: [acme/ml, acme-ai/*] }\n')
    .replace('      linear: { teams: [PLAT] }\n', '      linear: { teams: [PLAT] }\n      github: { repos: [acme/platform] }\n')
    .replace(/(\n {4}linear: \[[^\]]*\]\n)/, `$1    github: ['${approverId}']\n`);

/** A date `days` from now, as a waiver's `until` takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the gate on GitHub Issues', () => {
  let h: GateHarness;
  let github: GithubSimulator;
  let alice: { id: number; login: string; type: 'User' | 'Bot' | 'Organization' };
  let dana: typeof alice;
  let board: ReturnType<GithubSimulator['addProject']>;

  beforeAll(async () => {
    github = await createGithubSimulator({ webhookSecret: GITHUB_SECRET });
    dana = github.addUser('dana-security');
    h = await startGateHarness({
      policy: policyWith(dana.id),
      env: { GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url, GITHUB_WEBHOOK_SECRET: GITHUB_SECRET, GITHUB_PROJECT_DONE_OPTIONS: 'Done' },
    });
    alice = github.addUser('alice');
    board = github.addProject('acme', ['Todo', 'In Progress', 'Done']);
  });
  afterAll(async () => {
    await h.close();
    await github.close();
  });
  afterEach(() => {
    expect(github.violations).toEqual([]);
  });

  const newIssue = (repo = 'acme/ml') => {
    const issue = github.addIssue({ repo, title: 'Evaluate retrieval model', body: 'SECRET-DESCRIPTION-TEXT\n## Datasets\nnone' });
    // donegate stores keys upper-cased, as for every tracker; the simulator, like GitHub, ignores case.
    return `${issue.repo}#${issue.number}`.toUpperCase();
  };
  const post = async (delivery: GithubWebhookDelivery, headers: Record<string, string> = {}) => {
    const response = await fetch(`${h.url}/webhooks/github`, { method: 'POST', headers: { ...delivery.headers, ...headers }, body: delivery.rawBody });
    return { status: response.status, answer: (await response.json()) as Record<string, unknown> };
  };
  const decisionOf = (key: string, answer: Record<string, unknown>) => h.decisionFor('github', key, String(answer.deliveryId));
  const ownComments = (key: string) => github.commentsOn(key).filter((comment) => comment.authorId === github.self.id);

  it('reopens an issue closed without evidence, with one checklist comment and the label', async () => {
    const key = newIssue();
    const { status, answer } = await post(github.closeIssue(key, alice));
    expect({ status, answer: answer.status }).toEqual({ status: 202, answer: 'accepted' });
    const decision = await decisionOf(key, answer);
    expect(decision).toMatchObject({ outcome: 'fail', rule: 'ml-models', mode: 'block' });
    expect(decision.actions.map((action) => action.type)).toEqual(['move', 'comment', 'label-add']);
    expect(github.issue(key)).toMatchObject({ state: 'open', stateReason: 'reopened', labels: [BLOCKED_LABEL] });
    const [comment, ...more] = ownComments(key);
    expect(more).toHaveLength(0);
    expect(comment?.body).toContain(COMMENT_MARKER);
    expect(comment?.body).toMatch(/❌ `pii-scan` — no evidence/);
    expect(comment?.body).toContain(`--tracker github --ticket ${key}`);
  });

  it('passes once the evidence is there, editing the same comment and removing the label', async () => {
    const key = newIssue();
    const first = await post(github.closeIssue(key, alice));
    await decisionOf(key, first.answer);
    const commentId = ownComments(key)[0]?.id;
    await h.supplyEvidence('github', key, ['pii-scan', 'dependency-audit']);
    const second = await post(github.closeIssue(key, alice));
    expect((await decisionOf(key, second.answer)).outcome).toBe('pass');
    expect(github.issue(key)).toMatchObject({ state: 'closed', labels: [] });
    expect(ownComments(key).map((comment) => comment.id)).toEqual([commentId]);
    expect(ownComments(key)[0]?.body).toContain('All 2 security Definition-of-Done checks pass');
  });

  it('only comments in warn mode, leaving the issue closed', async () => {
    const key = newIssue('acme/platform');
    const { answer } = await post(github.closeIssue(key, alice));
    expect(await decisionOf(key, answer)).toMatchObject({ outcome: 'fail', mode: 'warn' });
    expect(github.issue(key)).toMatchObject({ state: 'closed', labels: [] });
    expect(ownComments(key)[0]?.body).toMatch(/Warning: 1 of 1 security check is not met/);
  });

  it('accepts a repeated delivery once, even under a fresh X-GitHub-Delivery', async () => {
    const key = newIssue();
    const delivery = github.closeIssue(key, alice);
    const answers = [];
    for (const id of [delivery.deliveryId, delivery.deliveryId, 'a-replayed-copy']) {
      answers.push((await post(delivery, { 'x-github-delivery': id })).answer);
    }
    expect(answers.map((answer) => answer.status)).toEqual(['accepted', 'duplicate', 'duplicate']);
    await decisionOf(key, answers[0]!);
    expect(await h.decisions('github', key)).toHaveLength(1);
    expect(ownComments(key)).toHaveLength(1);
  });

  it('does not gate an issue closed by donegate’s own account', async () => {
    const key = newIssue();
    const { answer } = await post(github.closeIssue(key, github.self));
    expect(await decisionOf(key, answer)).toMatchObject({ outcome: 'skipped', reason: 'moved by donegate itself' });
    expect(ownComments(key)).toHaveLength(0);
  });

  it('ignores an issue closed as not planned', async () => {
    const key = newIssue();
    const { status, answer } = await post(github.closeIssue(key, alice, 'not_planned'));
    expect({ status, answer }).toMatchObject({ status: 202, answer: { status: 'ignored', reason: 'not-into-done' } });
    expect(github.issue(key)?.state).toBe('closed');
  });

  it('sets a project item moved to a done option back to its previous option', async () => {
    const key = newIssue();
    const item = github.addProjectItem(board, key, 'In Progress');
    const { answer } = await post(github.setProjectStatus(item, 'Done', alice));
    expect(answer.status).toBe('accepted');
    expect(await decisionOf(key, answer)).toMatchObject({
      outcome: 'fail',
      rule: 'ml-models',
      ticketId: `project-item/${board.nodeId}/${item.nodeId}/${board.statusFieldId}`,
    });
    expect(github.optionOf(item)).toBe('In Progress');
    expect(github.issue(key)?.labels).toEqual([BLOCKED_LABEL]);
    expect(ownComments(key)).toHaveLength(1);
  });

  it('decides a board move and a close of the same issue one after the other, on the issue’s lock, and lists both under the issue', async () => {
    const key = newIssue();
    const item = github.addProjectItem(board, key, 'In Progress');
    const { queue } = h.service;
    const redis = new Redis(TEST_REDIS_URL);
    let moved: Record<string, unknown>;
    let closed: Record<string, unknown>;
    try {
      // Held here, the issue's lock keeps every job about the issue waiting, whichever delivery named it.
      const release = await createTicketLock(redis, { prefix: String(queue.opts.prefix) }).tryAcquire(ticketLockKey('github', key));
      expect(release).toBeDefined();
      moved = (await post(github.setProjectStatus(item, 'Done', alice))).answer;
      closed = (await post(github.closeIssue(key, alice))).answer;
      for (const answer of [moved, closed]) {
        const jobId = jobIdForDelivery('github', String(answer.deliveryId));
        await waitFor(async () => (await queue.getJob(jobId))?.data.transition.ticketKey === key && (await queue.getJobState(jobId)) === 'delayed', {
          what: `job ${jobId} waiting for the lock of ${key}`,
        });
      }
      expect(await h.decisions('github', key)).toHaveLength(0);
      await release!();
    } finally {
      redis.disconnect();
    }

    await decisionOf(key, moved);
    await decisionOf(key, closed);
    const listed = (await (await h.api(`/tickets/github/${encodeURIComponent(key)}/decisions`)).json()) as { decisions: Array<{ deliveryId: string; outcome: string }> };
    expect(listed.decisions.map(({ deliveryId, outcome }) => ({ deliveryId, outcome })).sort((a, b) => a.deliveryId.localeCompare(b.deliveryId))).toEqual(
      [moved, closed].map((answer) => ({ deliveryId: String(answer.deliveryId), outcome: 'fail' })).sort((a, b) => a.deliveryId.localeCompare(b.deliveryId)),
    );
    // The decision row is stored before its audit entry is appended: wait for the entry, not a clock.
    const decidedInTrail = async () => {
      const trail = (await (await h.api(`/audit/tickets/github/${encodeURIComponent(key)}`)).json()) as { entries: Array<{ type: string; data: { deliveryId?: string } }> };
      return trail.entries.filter((entry) => entry.type === 'decision').map((entry) => entry.data.deliveryId);
    };
    const decided = await waitFor(async () => {
      const ids = await decidedInTrail();
      return ids.includes(String(closed.deliveryId)) && ids.includes(String(moved.deliveryId)) ? ids : undefined;
    }, { what: `both decisions of ${key} in its audit trail` }).catch(decidedInTrail);
    expect(decided).toEqual(expect.arrayContaining([moved.deliveryId, closed.deliveryId]));
    expect(github.optionOf(item)).toBe('In Progress');
    expect(github.issue(key)?.state).toBe('open');
    expect(ownComments(key)).toHaveLength(1);
  });

  it('ignores a project item moved to an option that is not done', async () => {
    const key = newIssue();
    const item = github.addProjectItem(board, key, 'Todo');
    const { answer } = await post(github.setProjectStatus(item, 'In Progress', alice));
    expect(answer).toMatchObject({ status: 'ignored', reason: 'not-into-done' });
  });

  it('honours a secondary rate limit, then finishes the job', async () => {
    const key = newIssue();
    github.failNext({ operation: 'issues/create-comment', kind: 'secondary-rate-limit', retryAfterSeconds: 1 });
    const { answer } = await post(github.closeIssue(key, alice));
    expect((await decisionOf(key, answer)).outcome).toBe('fail');
    const creates = github.requests.filter((request) => request.operation === 'issues/create-comment' && request.path.includes(`/issues/${key.split('#')[1]}/`));
    expect(creates.map((request) => request.status)).toEqual([403, 201]);
    expect(creates[1]!.at - creates[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(ownComments(key)).toHaveLength(1);
  });

  it('creates a waiver from an approver’s /donegate comment, so the next close passes', async () => {
    const key = newIssue();
    await decisionOf(key, (await post(github.closeIssue(key, alice))).answer);
    const { answer } = await post(github.comment(key, `/donegate waive pii-scan until ${day(7)}: the corpus is synthetic`, dana));
    expect(answer).toMatchObject({ status: 'accepted', deliveryId: expect.stringMatching(/^comment-/) });
    expect(await decisionOf(key, answer)).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/^waiver .* of pii-scan created from a comment/) });
    const listed = (await (await h.api(`/tickets/github/${encodeURIComponent(key)}/waivers`)).json()) as { waivers: unknown[] };
    expect(listed.waivers).toEqual([expect.objectContaining({ criterion: 'pii-scan', approver: String(dana.id), approvedVia: 'github-comment', status: 'active' })]);
    await h.supplyEvidence('github', key, ['dependency-audit']);
    expect((await decisionOf(key, (await post(github.closeIssue(key, alice))).answer)).outcome).toBe('pass');
  });

  it('creates no waiver when someone who is not an approver asks', async () => {
    const key = newIssue();
    const { answer } = await post(github.comment(key, `/donegate waive pii-scan until ${day(7)}: trust me`, alice));
    expect(await decisionOf(key, answer)).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('not an approver') });
  });

  it('refuses a delivery with a bad signature with 401', async () => {
    const key = newIssue();
    const delivery = github.closeIssue(key, alice);
    const { status } = await post(delivery, { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` });
    expect(status).toBe(401);
    expect(await h.decisions('github', key)).toHaveLength(0);
  });

  it('never writes the webhook secret, the token or the issue body to the log', () => {
    const log = h.logText();
    expect(log).not.toContain(GITHUB_SECRET);
    expect(log).not.toContain(github.token);
    expect(log).not.toContain('SECRET-DESCRIPTION-TEXT');
  });
});
