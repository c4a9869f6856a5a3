import { COMMENT_MARKER, type VerdictComment } from '../../../src/domain/index.js';
import { createLinearFixture, type LinearFixture } from './linear-fixture.js';

const failing: VerdictComment = {
  status: 'fail',
  mode: 'block',
  headline: 'Moved back to Todo: 1 of 2 security criteria failed.',
  criteria: [
    { criterion: 'pii-scan', status: 'fail', reason: 'no evidence', fix: 'attach it: `donegate evidence submit --criterion pii-scan report.json`' },
    { criterion: 'dependency-audit', status: 'pass', reason: '0 high findings' },
  ],
  notes: [],
  footer: 'rule ml-models · policy v1',
};

describe('Linear tracker keeping one donegate comment', () => {
  let fixture: LinearFixture;
  beforeEach(async () => {
    fixture = await createLinearFixture();
  });
  afterEach(() => fixture.linear.close());

  it('creates the comment once, then edits it in place', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });

    const first = await fixture.tracker.upsertComment(ticket, failing);
    const second = await fixture.tracker.upsertComment(ticket, { ...failing, status: 'pass', headline: 'All criteria pass.' });

    expect(first.created).toBe(true);
    expect(second).toEqual({ commentId: first.commentId, created: false });
    const comments = fixture.linear.commentsOn('AI-1');
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('All criteria pass.');
    expect(comments[0]?.editedAt).toBeDefined();
    expect(comments[0]?.userId).toBe(fixture.linear.viewer.id);
  });

  it("ignores another user's comment that quotes the marker, and writes its own", async () => {
    const person = fixture.linear.addUser({ name: 'Pat Manager' });
    const quoted = fixture.linear.addComment('AI-1', `Why did ${COMMENT_MARKER} block this?`, person.id);
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });

    const result = await fixture.tracker.upsertComment(ticket, failing);

    expect(result.created).toBe(true);
    const comments = fixture.linear.commentsOn('AI-1');
    expect(comments.find((c) => c.id === quoted.id)?.body).toBe(`Why did ${COMMENT_MARKER} block this?`);
    expect(comments).toHaveLength(2);
  });

  it('finds its comment past the first page of a long discussion', async () => {
    const ticket = await fixture.tracker.getTicket({ key: 'AI-1' });
    const { commentId } = await fixture.tracker.upsertComment(ticket, failing);
    const person = fixture.linear.addUser({ name: 'Chatty' });
    for (let i = 0; i < 120; i++) fixture.linear.addComment('AI-1', `comment ${i}`, person.id);
    // Move donegate's comment to the end so it sits on the second page.
    const store = fixture.linear.store.comments;
    const own = store.get(commentId);
    if (own) {
      store.delete(commentId);
      store.set(commentId, own);
    }

    const again = await fixture.tracker.upsertComment(ticket, failing);

    expect(again).toEqual({ commentId, created: false });
  });
});
