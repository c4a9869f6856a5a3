import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { COMMENT_MARKER } from '../../../src/domain/index.js';
import { adfToPlainText } from '../../../simulators/jira/index.js';
import { createJiraFixture, type JiraFixture } from './jira-fixture.js';
import { blockedVerdict, passingVerdict } from './verdict-samples.js';

describe('Jira tracker: donegate keeps exactly one comment per ticket', () => {
  let f: JiraFixture;
  beforeEach(async () => {
    f = await createJiraFixture();
  });
  afterEach(async () => {
    await f.jira.close();
  });

  it('creates the comment, then edits that same comment on the next verdict', async () => {
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });

    const first = await f.tracker.upsertComment(ticket, blockedVerdict);
    const second = await f.tracker.upsertComment(ticket, passingVerdict);

    expect(first.created).toBe(true);
    expect(second).toEqual({ commentId: first.commentId, created: false });
    const comments = f.jira.state.comments('ML-1');
    expect(comments).toHaveLength(1);
    expect(comments[0]?.authorAccountId).toBe('donegate-bot');
    expect(adfToPlainText(comments[0]!.body)).toContain('All security criteria are met.');
    expect(f.jira.violations).toEqual([]);
  });

  it("ignores another user's comment that quotes the marker text", async () => {
    f.jira.state.addComment('ML-1', { authorAccountId: 'alice', body: `Why did ${COMMENT_MARKER} block this?` });
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });

    const result = await f.tracker.upsertComment(ticket, blockedVerdict);

    expect(result.created).toBe(true);
    const comments = f.jira.state.comments('ML-1');
    expect(comments.map((c) => c.authorAccountId)).toEqual(['alice', 'donegate-bot']);
    expect(adfToPlainText(comments[0]!.body)).toBe(`Why did ${COMMENT_MARKER} block this?\n`);
  });

  it("ignores donegate's own comments that do not carry the marker", async () => {
    f.jira.state.addComment('ML-1', { authorAccountId: 'donegate-bot', body: 'A note written by hand with the bot account' });
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });

    await expect(f.tracker.upsertComment(ticket, blockedVerdict)).resolves.toMatchObject({ created: true });
  });

  describe('when the ticket has more comments than one page holds', () => {
    it('pages through all of them and edits the comment on a later page', async () => {
      const ticket = await f.tracker.getTicket({ key: 'ML-1' });
      for (let i = 0; i < 150; i++) f.jira.state.addComment('ML-1', { authorAccountId: 'alice', body: `comment ${i}` });
      const { commentId } = await f.tracker.upsertComment(ticket, blockedVerdict);

      const again = await f.tracker.upsertComment(ticket, passingVerdict);

      expect(again).toEqual({ commentId, created: false });
      expect(f.jira.state.comments('ML-1')).toHaveLength(151);
      const pages = f.jira.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comment'));
      expect(pages.length).toBeGreaterThanOrEqual(4);
    });
  });

  it('lets a benchmark see the comment arrive through the simulator events', async () => {
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });
    const seen = new Promise<string>((resolve) => f.jira.events.once('comment', (e) => resolve(e.issueKey)));

    await f.tracker.upsertComment(ticket, blockedVerdict);

    await expect(seen).resolves.toBe('ML-1');
  });
});
