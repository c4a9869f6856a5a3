import { createLinearFixture, type LinearFixture } from './linear-fixture.js';

describe('Linear tracker replying on an issue', () => {
  let fixture: LinearFixture;
  beforeEach(async () => {
    fixture = await createLinearFixture();
  });
  afterEach(() => fixture.linear.close());

  it('creates a new Markdown comment as donegate each time', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });
    const text = 'donegate: the date after "until" must be written YYYY-MM-DD.\nSyntax: `/donegate waive …`';

    const first = await fixture.tracker.reply(ticket, text);
    const second = await fixture.tracker.reply(ticket, text);

    expect(first.commentId).not.toBe(second.commentId);
    const comments = fixture.linear.commentsOn('AI-1');
    // Each line of the reply is its own Markdown paragraph; the command stays a code span.
    const markdown = 'donegate: the date after "until" must be written YYYY-MM-DD.\n\nSyntax: `/donegate waive …`';
    expect(comments.map((c) => [c.body, c.userId])).toEqual([
      [markdown, fixture.linear.viewer.id],
      [markdown, fixture.linear.viewer.id],
    ]);
    expect(fixture.linear.violations).toEqual([]);
  });
});
