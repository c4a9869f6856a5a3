import { adfToText } from '../../simulators/jira/adf-to-text.js';
import { jiraCommentDelivery, linearCommentDelivery } from '../support/comment-deliveries.js';
import { JIRA_APPROVER, LINEAR_APPROVER, startGateHarness, type GateHarness } from '../support/gate-harness.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const SYNTAX = '/donegate waive <criterion> [advisory ids…] until YYYY-MM-DD: <reason>';

interface ListedWaiver {
  id: string;
  criterion: string;
  approver: string;
  approvedVia: string;
  reason: string;
  status: string;
}

describe('waivers by tracker comment', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    h.linear.addTeam({ key: 'AI', name: 'Applied AI' });
    h.linear.addUser({ id: LINEAR_APPROVER, name: 'Dana Security' });
  });
  afterAll(async () => {
    await h.close();
  });

  const waiversOf = async (tracker: 'jira' | 'linear', key: string) =>
    ((await (await h.api(`/tickets/${tracker}/${key}/waivers`)).json()) as { waivers: ListedWaiver[] }).waivers;

  describe('on Jira', () => {
    const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice' };
    const ownComments = (key: string) => h.jira.state.comments(key).filter((c) => c.authorAccountId === h.jira.selfAccountId).map((c) => adfToText(c.body));
    const comment = async (key: string, author: string, text: string, deliveryId: string) => {
      const answer = await h.post('jira', jiraCommentDelivery(h.jira, key, author, text), { deliveryId });
      expect(answer).toMatchObject({ status: 202, answer: { status: 'accepted', deliveryId: expect.stringMatching(/^comment-/) } });
      return h.decisionFor('jira', key, deliveryId);
    };
    const moveToDone = async (key: string, deliveryId: string) => {
      await h.post('jira', h.jira.moveIssue(key, 'Done', ALICE), { deliveryId });
      return h.decisionFor('jira', key, deliveryId);
    };

    it("creates an approver's waiver, re-evaluates the ticket so its comment shows it, and lets the next move to Done pass", async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      await h.supplyEvidence('jira', issue.key, ['pii-scan']);
      expect((await moveToDone(issue.key, 'jc-1')).outcome).toBe('fail');

      const handled = await comment(issue.key, JIRA_APPROVER, `/donegate waive dependency-audit until ${day(10)}: audit runs in the release pipeline only`, 'jc-2');
      expect(handled).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/^waiver .* of dependency-audit created from a comment/) });

      const [waiver, ...more] = await waiversOf('jira', issue.key);
      expect(more).toEqual([]);
      expect(waiver).toMatchObject({ criterion: 'dependency-audit', approver: JIRA_APPROVER, approvedVia: 'jira-comment', reason: 'audit runs in the release pipeline only', status: 'active' });
      expect((await h.decisionFor('jira', issue.key, `waiver:${waiver!.id}`)).outcome).toBe('pass');
      const [verdict, ...replies] = ownComments(issue.key);
      expect(replies).toEqual([]);
      expect(verdict).toContain('can be moved to Done now');
      expect(verdict).toContain(`waived by ${JIRA_APPROVER} until ${day(10)}: audit runs in the release pipeline only`);

      expect((await moveToDone(issue.key, 'jc-3')).outcome).toBe('pass');
      expect(h.jira.violations).toEqual([]);
    });

    it('replies that only listed approvers can waive, and creates no waiver, when anyone else asks', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });

      const handled = await comment(issue.key, 'bob-dev', `/donegate waive pii-scan until ${day(5)}: trust me`, 'jc-4');

      expect(handled).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('not an approver') });
      expect(await waiversOf('jira', issue.key)).toEqual([]);
      const [reply, ...more] = ownComments(issue.key);
      expect(more).toEqual([]);
      expect(reply).toContain('only the approvers listed');
      expect(reply).toContain(SYNTAX);
      expect(reply).not.toContain('trust me');
      expect(reply!.trimStart().startsWith('/donegate')).toBe(false);
    });

    it('replies with the syntax when an approver writes the date in another format', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });

      const handled = await comment(issue.key, JIRA_APPROVER, '/donegate waive pii-scan until 31/12/2026: synthetic data only', 'jc-5');

      expect(handled).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('YYYY-MM-DD') });
      expect(await waiversOf('jira', issue.key)).toEqual([]);
      const [reply] = ownComments(issue.key);
      expect(reply).toContain('must be written YYYY-MM-DD');
      expect(reply).toContain(SYNTAX);
      expect(reply).not.toContain('synthetic data only');
    });

    it('replies when the date is further away than the policy allows', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });

      await comment(issue.key, JIRA_APPROVER, `/donegate waive pii-scan until ${day(120)}: synthetic data only`, 'jc-6');

      expect(ownComments(issue.key)[0]).toMatch(/more than 90 days away/);
      expect(await waiversOf('jira', issue.key)).toEqual([]);
    });

    it("ignores a command written by donegate's own account, without replying", async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      const before = h.jira.state.comments(issue.key).length;

      const handled = await comment(issue.key, h.jira.selfAccountId, `/donegate waive pii-scan until ${day(5)}: loop`, 'jc-7');

      expect(handled).toMatchObject({ outcome: 'skipped', reason: 'a comment by donegate itself' });
      expect(h.jira.state.comments(issue.key)).toHaveLength(before + 1);
      expect(await waiversOf('jira', issue.key)).toEqual([]);
    });

    it('leaves a plain comment ignored', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      const answer = await h.post('jira', jiraCommentDelivery(h.jira, issue.key, JIRA_APPROVER, 'looks good to me'), { deliveryId: 'jc-8' });
      expect(answer).toMatchObject({ status: 202, answer: { status: 'ignored', reason: 'not-an-issue-update' } });
    });
  });

  describe('on Linear', () => {
    const ownComments = (key: string) => h.linear.commentsOn(key).filter((c) => c.userId === h.linear.viewer.id).map((c) => c.body);
    const comment = async (key: string, author: string, text: string, deliveryId: string) => {
      const answer = await h.post('linear', linearCommentDelivery(h.linear, key, author, text), { deliveryId });
      expect(answer).toMatchObject({ status: 200, answer: { status: 'accepted', deliveryId: expect.stringMatching(/^comment-/) } });
      return h.decisionFor('linear', key, deliveryId);
    };
    const moveToDone = async (key: string) => {
      const delivery = h.linear.moveIssue(key, h.linear.stateNamed('AI', 'Done')!.id, { actorId: 'lena' });
      await h.post('linear', delivery.body, { deliveryId: delivery.deliveryId });
      return h.decisionFor('linear', key, delivery.deliveryId);
    };

    it("creates an approver's waiver, re-evaluates the ticket so its comment shows it, and lets the next move to Done pass", async () => {
      const issue = h.linear.addIssue({ team: 'AI', title: 'Evaluate retrieval model', stateId: 'In Progress' });
      await h.supplyEvidence('linear', issue.identifier, ['dependency-audit']);
      expect((await moveToDone(issue.identifier)).outcome).toBe('fail');

      await comment(issue.identifier, LINEAR_APPROVER, `/donegate waive pii-scan until ${day(7)}: the corpus is synthetic`, 'lc-1');

      const [waiver] = await waiversOf('linear', issue.identifier);
      expect(waiver).toMatchObject({ criterion: 'pii-scan', approver: LINEAR_APPROVER, approvedVia: 'linear-comment', status: 'active' });
      expect((await h.decisionFor('linear', issue.identifier, `waiver:${waiver!.id}`)).outcome).toBe('pass');
      const [verdict, ...replies] = ownComments(issue.identifier);
      expect(replies).toEqual([]);
      expect(verdict).toContain(`waived by ${LINEAR_APPROVER} until ${day(7)}: the corpus is synthetic`);

      expect((await moveToDone(issue.identifier)).outcome).toBe('pass');
      expect(h.linear.violations).toEqual([]);
    });

    it('replies that only listed approvers can waive, and creates no waiver, when anyone else asks', async () => {
      const issue = h.linear.addIssue({ team: 'AI', title: 'Fine-tune', stateId: 'In Progress' });

      await comment(issue.identifier, 'someone-else', `/donegate waive pii-scan until ${day(7)}: please`, 'lc-2');

      expect(await waiversOf('linear', issue.identifier)).toEqual([]);
      const [reply, ...more] = ownComments(issue.identifier);
      expect(more).toEqual([]);
      expect(reply).toContain('only the approvers listed');
      expect(reply).toContain(`\`${SYNTAX}\``);
    });

    it('replies with the syntax when the reason is missing', async () => {
      const issue = h.linear.addIssue({ team: 'AI', title: 'Distil', stateId: 'In Progress' });

      await comment(issue.identifier, LINEAR_APPROVER, `/donegate waive pii-scan until ${day(7)}`, 'lc-3');

      expect(await waiversOf('linear', issue.identifier)).toEqual([]);
      expect(ownComments(issue.identifier)[0]).toMatch(/reason is missing[\s\S]*Syntax/);
    });
  });
});
