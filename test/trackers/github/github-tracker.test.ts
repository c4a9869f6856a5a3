import { COMMENT_MARKER, type VerdictComment } from '../../../src/domain/index.js';
import { TrackerPermanentError, TrackerRateLimitedError } from '../../../src/trackers/errors.js';
import { createGithubClient } from '../../../src/trackers/github/create-github-client.js';
import { createGithubTracker } from '../../../src/trackers/github/create-github-tracker.js';
import type { Tracker } from '../../../src/trackers/tracker.js';
import { createGithubSimulator, type GithubSimulator } from '../../../simulators/github/index.js';

const comment = (headline: string): VerdictComment => ({
  status: 'fail',
  mode: 'block',
  headline,
  criteria: [{ criterion: 'pii-scan', status: 'fail', reason: 'no evidence from @security-team', fix: 'run `donegate scan`' }],
  notes: [],
  footer: 'rule ml',
});

describe('GitHub tracker against the simulated GitHub API', () => {
  let github: GithubSimulator;
  let tracker: Tracker;

  beforeEach(async () => {
    github = await createGithubSimulator();
    tracker = createGithubTracker({ client: createGithubClient({ auth: { kind: 'token', token: github.token }, baseUrl: github.url }), authKind: 'token' });
  });
  afterEach(async () => {
    expect(github.violations).toEqual([]);
    await github.close();
  });

  it('reads an issue closed as completed as a done ticket of its repository', async () => {
    github.addIssue({ repo: 'acme/ml', title: 'Train model', labels: ['ml'] });
    github.closeIssue('acme/ml#1', github.addUser('alice'));
    const ticket = await tracker.getTicket({ key: 'acme/ml#1' });
    expect(ticket).toMatchObject({ tracker: 'github', key: 'ACME/ML#1', project: 'ACME/ML', labels: ['ml'], status: { id: 'closed-completed', isDone: true } });
  });

  it('reads an issue closed as not planned as not done', async () => {
    github.addIssue({ repo: 'acme/ml', title: 'Dropped' });
    github.closeIssue('acme/ml#1', github.addUser('alice'), 'not_planned');
    const ticket = await tracker.getTicket({ key: 'acme/ml#1' });
    expect(ticket.status).toMatchObject({ id: 'closed-not-planned', isDone: false });
  });

  it('reopens the issue when moved back to open', async () => {
    github.addIssue({ repo: 'acme/ml', title: 'Train model' });
    github.closeIssue('acme/ml#1', github.addUser('alice'));
    const outcome = await tracker.moveTo(await tracker.getTicket({ key: 'acme/ml#1' }), 'open');
    expect(outcome).toEqual({ moved: true, toStatusId: 'open', toStatusName: 'Open' });
    expect(github.issue('acme/ml#1')).toMatchObject({ state: 'open', stateReason: 'reopened' });
  });

  it('keeps one donegate comment, edited in place, and leaves a person quoting the marker alone', async () => {
    github.addIssue({ repo: 'acme/ml', title: 'Train model' });
    github.addComment('acme/ml#1', `quoting ${COMMENT_MARKER}`);
    const ticket = await tracker.getTicket({ key: 'acme/ml#1' });
    const first = await tracker.upsertComment(ticket, comment('first'));
    const second = await tracker.upsertComment(ticket, comment('second'));
    expect(first.created).toBe(true);
    expect(second).toEqual({ commentId: first.commentId, created: false });
    const own = github.commentsOn('acme/ml#1').filter((c) => c.authorId === github.self.id);
    expect(own).toHaveLength(1);
    expect(own[0]?.body).toContain('second');
  });

  it('finds its comment past the first page of comments', async () => {
    github.addIssue({ repo: 'acme/ml', title: 'Busy' });
    const ticket = await tracker.getTicket({ key: 'acme/ml#1' });
    const first = await tracker.upsertComment(ticket, comment('first'));
    for (let i = 0; i < 120; i++) github.addComment('acme/ml#1', `chatter ${i}`);
    const again = await tracker.upsertComment(ticket, comment('again'));
    expect(again).toEqual({ commentId: first.commentId, created: false });
  });

  it('shows @names from ticket and report text as code, which GitHub never turns into a mention', async () => {
    github.addIssue({ repo: 'acme/ml', title: 'Train model' });
    await tracker.upsertComment(await tracker.getTicket({ key: 'acme/ml#1' }), comment('ping @octocat'));
    const body = github.commentsOn('acme/ml#1')[0]?.body ?? '';
    expect(body).toContain('`@octocat`');
    expect(body.replace(/`[^`]*`/g, '')).not.toContain('@');
  });

  it('adds the blocked label once and removes it idempotently', async () => {
    github.addIssue({ repo: 'acme/ml', title: 'Train model' });
    await tracker.addLabel(await tracker.getTicket({ key: 'acme/ml#1' }), 'security-dod-blocked');
    await tracker.addLabel(await tracker.getTicket({ key: 'acme/ml#1' }), 'security-dod-blocked');
    expect(github.issue('acme/ml#1')?.labels).toEqual(['security-dod-blocked']);
    const labelled = await tracker.getTicket({ key: 'acme/ml#1' });
    await tracker.removeLabel(labelled, 'security-dod-blocked');
    await tracker.removeLabel(labelled, 'security-dod-blocked');
    expect(github.issue('acme/ml#1')?.labels).toEqual([]);
  });

  it('reads the description from the issue body', async () => {
    github.addIssue({ repo: 'acme/ml', title: 'Train model', body: '## Artifacts\ns3://models/a.bin' });
    expect(await tracker.readDescription!(await tracker.getTicket({ key: 'acme/ml#1' }))).toBe('## Artifacts\ns3://models/a.bin');
  });

  describe('resolving the ticket a delivery names', () => {
    it('names the issue a board item holds by the issue’s stored key', async () => {
      github.addIssue({ repo: 'acme/ml', title: 'Train model' });
      const board = github.addProject('acme', ['Todo', 'Done']);
      const item = github.addProjectItem(board, 'acme/ml#1', 'Todo');
      const ref = `project-item/${board.nodeId}/${item.nodeId}/${board.statusFieldId}`;
      expect(await tracker.resolveKey?.({ id: ref, key: ref })).toBe('ACME/ML#1');
    });

    it('asks GitHub nothing for an issue, or for a board move already keyed by its issue', async () => {
      const before = github.requests.length;
      expect(await tracker.resolveKey?.({ id: 'ACME/ML#1', key: 'ACME/ML#1' })).toBeUndefined();
      expect(await tracker.resolveKey?.({ id: 'project-item/PVT_1/PVTI_1/PVTSSF_1', key: 'ACME/ML#1' })).toBeUndefined();
      expect(github.requests.length).toBe(before);
    });
  });

  it('knows its own account id', async () => {
    expect(await tracker.selfId()).toBe(String(github.self.id));
  });

  describe('when GitHub limits the rate', () => {
    it('turns a secondary limit into a rate-limit error with the retry-after delay', async () => {
      github.addIssue({ repo: 'acme/ml', title: 'Train model' });
      github.failNext({ operation: 'issues/get', kind: 'secondary-rate-limit', retryAfterSeconds: 7 });
      const error = await tracker.getTicket({ key: 'acme/ml#1' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TrackerRateLimitedError);
      expect((error as TrackerRateLimitedError).retryAfterMs).toBe(7000);
    });

    it('turns a spent primary quota into a wait until x-ratelimit-reset', async () => {
      github.addIssue({ repo: 'acme/ml', title: 'Train model' });
      github.failNext({ operation: 'issues/get', kind: 'primary-rate-limit', retryAfterSeconds: 30 });
      const error = await tracker.getTicket({ key: 'acme/ml#1' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TrackerRateLimitedError);
      expect((error as TrackerRateLimitedError).retryAfterMs).toBeGreaterThan(25_000);
      expect((error as TrackerRateLimitedError).retryAfterMs).toBeLessThanOrEqual(31_000);
    });
  });

  it('reports a missing issue as permanent, naming it', async () => {
    const error = await tracker.getTicket({ key: 'acme/ml#9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrackerPermanentError);
    expect((error as TrackerPermanentError).fault).toBe('not-found');
  });

  it('reports revoked credentials as unauthorized, naming the variables to check', async () => {
    github.addIssue({ repo: 'acme/ml', title: 'Train model' });
    github.failNext({ kind: 'bad-credentials' });
    const error = await tracker.getTicket({ key: 'acme/ml#1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrackerPermanentError);
    expect((error as Error).message).toContain('GITHUB_TOKEN');
  });
});
