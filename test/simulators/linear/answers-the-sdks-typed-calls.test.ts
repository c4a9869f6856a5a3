import { InvalidInputLinearError, LinearClient } from '@linear/sdk';
import { createLinearSimulator, type LinearSimulator } from '../../../simulators/linear/index.js';

describe("Linear simulator answering @linear/sdk's own typed calls", () => {
  let linear: LinearSimulator;
  let client: LinearClient;
  beforeEach(async () => {
    linear = await createLinearSimulator();
    client = new LinearClient({ apiKey: linear.apiKey, apiUrl: linear.url });
    linear.addTeam({ key: 'AI', name: 'Applied AI' });
    const ml = linear.addLabel({ name: 'ml' });
    linear.addIssue({ team: 'AI', title: 'Train the model', labelIds: [ml.id] });
  });
  afterEach(async () => {
    // Every document the SDK sent must be one the real Linear accepts, with no null in a non-null field.
    expect(linear.violations).toEqual([]);
    await linear.close();
  });

  it('reads an issue by identifier and follows its state, team, labels and comments', async () => {
    const issue = await client.issue('ai-1');
    const [state, team, labels, comments] = await Promise.all([issue.state, issue.team, issue.labels(), issue.comments()]);

    expect(issue.identifier).toBe('AI-1');
    expect(state).toMatchObject({ name: 'Todo', type: 'unstarted' });
    expect(team).toMatchObject({ key: 'AI', name: 'Applied AI' });
    expect(labels.nodes.map((label) => label.name)).toEqual(['ml']);
    expect(comments.nodes).toEqual([]);
  });

  it('lists workflow states filtered by team, and a team with its states', async () => {
    const team = await client.team('AI');
    const states = await client.workflowStates({ filter: { team: { key: { eq: 'AI' } }, type: { eq: 'completed' } } });
    const teamStates = await team.states();

    expect(states.nodes.map((state) => state.name)).toEqual(['Done']);
    expect(teamStates.nodes).toHaveLength(7);
  });

  it('updates state and labels, creates labels, and comments as the viewer', async () => {
    const done = linear.stateNamed('AI', 'Done');
    const created = await (await client.createIssueLabel({ name: 'security-dod-blocked' })).issueLabel;
    await client.updateIssue('AI-1', { stateId: done?.id ?? '', addedLabelIds: [created?.id ?? ''] });
    const comment = await (await client.createComment({ issueId: 'AI-1', body: 'first' })).comment;
    await client.updateComment(comment?.id ?? '', { body: 'edited' });
    const author = await comment?.user;

    expect(linear.stateOf('AI-1')?.name).toBe('Done');
    expect(linear.labelNamesOf('AI-1')).toEqual(['ml', 'security-dod-blocked']);
    expect(linear.commentsOn('AI-1').map((c) => c.body)).toEqual(['edited']);
    expect(author?.id).toBe(linear.viewer.id);
  });

  it('finds labels by name ignoring case, and adds and removes one', async () => {
    const found = await client.issueLabels({ filter: { name: { eqIgnoreCase: 'ML' } } });
    const labelId = found.nodes[0]?.id ?? '';

    await client.issueRemoveLabel('AI-1', labelId);
    expect(linear.labelNamesOf('AI-1')).toEqual([]);
    await client.issueAddLabel('AI-1', labelId);
    expect(linear.labelNamesOf('AI-1')).toEqual(['ml']);
  });

  it('answers an unknown issue with Linear\'s "Entity not found"', async () => {
    await expect(client.issue('AI-404')).rejects.toBeInstanceOf(InvalidInputLinearError);
  });
});
