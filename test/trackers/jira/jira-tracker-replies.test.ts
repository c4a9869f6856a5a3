import { createJiraFixture, type JiraFixture } from './jira-fixture.js';

describe('Jira tracker replying on a ticket', () => {
  let f: JiraFixture;
  beforeEach(async () => {
    f = await createJiraFixture();
  });
  afterEach(() => f.jira.close());

  it('adds a new ADF comment, one paragraph per line, with backticked spans as code, and leaves the verdict comment alone', async () => {
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });
    const { commentId } = await f.tracker.reply(ticket, 'donegate: only listed approvers can waive.\nSyntax: `/donegate waive <criterion> until YYYY-MM-DD: <reason>`');

    const [comment, ...more] = f.jira.state.comments('ML-1');
    expect(more).toEqual([]);
    expect(comment).toMatchObject({ id: commentId, authorAccountId: 'donegate-bot' });
    expect(comment!.body).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'donegate: only listed approvers can waive.' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Syntax: ' },
            { type: 'text', text: '/donegate waive <criterion> until YYYY-MM-DD: <reason>', marks: [{ type: 'code' }] },
          ],
        },
      ],
    });
    expect(f.jira.violations).toEqual([]);
  });
});
