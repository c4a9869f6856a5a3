import { COMMENT_MARKER } from '../../domain/index.js';
import { adfText } from './adf.js';
import type { jiraCommentPageSchema } from './jira-schemas.js';
import type { z } from 'zod';

export type CommentPage = z.infer<typeof jiraCommentPageSchema>;

/**
 * The id of the comment donegate wrote before: by its own account AND carrying the marker, so a person
 * quoting the marker is never overwritten. Pages through every comment, oldest first, following `total`
 * (Jira may serve fewer than asked for).
 */
export async function findDonegateComment(
  listPage: (startAt: number) => Promise<CommentPage>,
  selfId: string,
): Promise<string | undefined> {
  let startAt = 0;
  for (;;) {
    const page = await listPage(startAt);
    const mine = page.comments.find((c) => c.author?.accountId === selfId && adfText(c.body).includes(COMMENT_MARKER));
    if (mine) return mine.id;
    startAt = page.startAt + page.comments.length;
    if (page.comments.length === 0 || startAt >= page.total) return undefined;
  }
}
