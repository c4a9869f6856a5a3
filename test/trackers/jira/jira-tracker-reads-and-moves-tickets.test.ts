import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createJiraFixture, type JiraFixture } from './jira-fixture.js';

describe('Jira tracker: reading and moving tickets', () => {
  let f: JiraFixture;
  beforeEach(async () => {
    f = await createJiraFixture();
  });
  afterEach(async () => {
    await f.jira.close();
  });

  it('reads a ticket by key with its status category, project, type and labels', async () => {
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });
    expect(ticket).toEqual({
      tracker: 'jira',
      id: f.issue.id,
      key: 'ML-1',
      title: 'Train the churn model',
      status: { id: f.statuses.inProgress.id, name: 'In Progress', category: 'indeterminate', isDone: false },
      project: 'ML',
      issueType: 'Story',
      labels: ['ml'],
      url: `${f.jira.baseUrl}/browse/ML-1`,
      attachments: [],
    });
  });

  it('reads the assignee by display name, and none for an unassigned ticket', async () => {
    f.jira.state.addUser({ accountId: 'acc-ada', displayName: 'Ada Lovelace' });
    f.jira.state.createIssue({ project: 'ML', summary: 'Assigned', assigneeAccountId: 'acc-ada' });
    expect((await f.tracker.getTicket({ key: 'ML-2' })).assignee).toBe('Ada Lovelace');
    expect(await f.tracker.getTicket({ key: 'ML-1' })).not.toHaveProperty('assignee');
  });

  it('reports a ticket a person moved to Done as done', async () => {
    f.jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice', displayName: 'Alice' });
    const ticket = await f.tracker.getTicket({ id: f.issue.id });
    expect(ticket.status).toMatchObject({ name: 'Done', category: 'done', isDone: true });
  });

  it('never asks Jira for the description', async () => {
    await f.tracker.getTicket({ key: 'ML-1' });
    expect(f.jira.requests[0]?.query).not.toMatch(/description|\*all/);
  });

  it('answers with its own accountId and asks Jira only once', async () => {
    await expect(f.tracker.selfId()).resolves.toBe('donegate-bot');
    await expect(f.tracker.selfId()).resolves.toBe('donegate-bot');
    expect(f.jira.requests.filter((r) => r.path === '/rest/api/3/myself')).toHaveLength(1);
  });

  it('moves a ticket back out of Done through the workflow transition and clears the resolution', async () => {
    f.jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice' });
    expect(f.jira.state.issue('ML-1').resolutionId).not.toBeNull();
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });

    const outcome = await f.tracker.moveTo(ticket, f.statuses.inProgress.id);

    expect(outcome).toEqual({ moved: true, toStatusId: f.statuses.inProgress.id, toStatusName: 'In Progress', transitionId: '21' });
    const issue = f.jira.state.issue('ML-1');
    expect(issue.statusId).toBe(f.statuses.inProgress.id);
    expect(issue.resolutionId).toBeNull();
    expect(f.jira.violations).toEqual([]);
  });

  it('does not send the resolution when the transition screen lacks it', async () => {
    f.jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice' });
    f.jira.state.removeTransition('21');
    const back = f.jira.state.addTransition({ id: '51', name: 'Reopen', from: ['Done'], to: 'In Progress' });
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });

    const outcome = await f.tracker.moveTo(ticket, f.statuses.inProgress.id);

    expect(outcome).toMatchObject({ moved: true, transitionId: back.id });
    expect(f.jira.violations).toEqual([]);
  });

  it('treats a move into the status the ticket is already in as done, without calling Jira', async () => {
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });
    const before = f.jira.requests.length;

    await expect(f.tracker.moveTo(ticket, f.statuses.inProgress.id)).resolves.toEqual({ moved: true, toStatusId: f.statuses.inProgress.id, toStatusName: 'In Progress' });
    expect(f.jira.requests).toHaveLength(before);
  });

  describe('when the workflow has no way back from Done', () => {
    it('reports no-transition naming the statuses instead of throwing', async () => {
      const jira = f.jira;
      for (const id of ['11', '21', '31']) jira.state.removeTransition(id);
      jira.state.addTransition({ from: ['To Do'], to: 'In Progress' });
      jira.state.addTransition({ from: ['In Progress'], to: 'Done' });
      jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice' });
      const ticket = await f.tracker.getTicket({ key: 'ML-1' });

      const outcome = await f.tracker.moveTo(ticket, f.statuses.inProgress.id);

      expect(outcome).toMatchObject({ moved: false, reason: 'no-transition' });
      expect(outcome.moved === false && outcome.explanation).toMatch(/'Done'.*no outgoing transitions/);
      expect(outcome.moved === false && outcome.fix).toMatch(/^A Jira admin can add that transition/);
      expect(jira.state.issue('ML-1').statusId).toBe(f.statuses.done.id);
    });
  });
});
