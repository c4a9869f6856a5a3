import { COMMENT_MARKER } from '../../domain/index.js';
import { ISSUE_COMMENTS } from './linear-documents.js';
import type { LinearRequest } from './linear-request.js';
import { issueCommentsResponse, type IssueComments } from './linear-responses.js';

/** Enough pages for any real ticket; a bound so a pathological one cannot keep a job busy forever. */
const MAX_PAGES = 50;

/**
 * donegate's earlier comment on the issue: written by donegate's own account AND carrying the marker.
 * Both are needed — a person may quote the marker, and donegate's account may comment for other reasons.
 */
export async function findOwnComment(
  request: LinearRequest,
  issueId: string,
  viewerId: string,
  action: string,
): Promise<string | undefined> {
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { issue }: IssueComments = await request(ISSUE_COMMENTS, { id: issueId, after }, issueCommentsResponse, action);
    const own = issue.comments.nodes.find((comment) => comment.user?.id === viewerId && comment.body.includes(COMMENT_MARKER));
    if (own) return own.id;
    if (!issue.comments.pageInfo.hasNextPage || !issue.comments.pageInfo.endCursor) return undefined;
    after = issue.comments.pageInfo.endCursor;
  }
  return undefined;
}
