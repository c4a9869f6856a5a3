import type { Octokit } from '@octokit/rest';
import { COMMENT_MARKER } from '../../domain/index.js';
import type { GithubIssueRef } from './github-ticket-key.js';

/** 50 pages of 100: more than any real issue has; a bound so a pathological one cannot keep a job busy. */
const MAX_PAGES = 50;

/**
 * donegate's earlier comment on the issue: written by donegate's own account AND carrying the marker.
 * Both are needed — a person may quote the marker, and donegate's account may comment for other reasons.
 */
export async function findOwnGithubComment(client: Octokit, issue: GithubIssueRef, selfId: string): Promise<number | undefined> {
  let pages = 0;
  const iterator = client.paginate.iterator(client.rest.issues.listComments, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issueNumber,
    per_page: 100,
  });
  for await (const { data } of iterator) {
    const own = data.find((comment) => String(comment.user?.id) === selfId && (comment.body ?? '').includes(COMMENT_MARKER));
    if (own) return own.id;
    if (++pages >= MAX_PAGES) return undefined;
  }
  return undefined;
}
