import type { AdfNode, SimComment } from '../types.js';
import type { IssueLookup } from './jira-issues.js';
import type { createJiraUsers } from './jira-users.js';
import { plainDoc } from './plain-doc.js';

interface CommentDeps {
  newId: () => string;
  issues: IssueLookup;
  users: Pick<ReturnType<typeof createJiraUsers>, 'user'>;
}

/** Each issue's comments, oldest first. */
export function createJiraComments({ newId, issues, users }: CommentDeps) {
  const byIssue = new Map<string, SimComment[]>();
  // The list is created on first use and then handed out live, so a caller sees later comments too.
  const listOf = (issueId: string): SimComment[] => {
    const list = byIssue.get(issueId) ?? [];
    byIssue.set(issueId, list);
    return list;
  };
  return {
    comments(issueIdOrKey: string): SimComment[] {
      return listOf(issues.issue(issueIdOrKey).id);
    },

    /** Adds a comment as `authorAccountId`, as a person (or another app) would. */
    addComment(issueIdOrKey: string, input: { authorAccountId: string; body: AdfNode | string }): SimComment {
      const issue = issues.issue(issueIdOrKey);
      users.user(input.authorAccountId);
      const now = new Date();
      const comment: SimComment = {
        id: newId(),
        issueId: issue.id,
        authorAccountId: input.authorAccountId,
        updateAuthorAccountId: input.authorAccountId,
        body: typeof input.body === 'string' ? plainDoc(input.body) : input.body,
        created: now,
        updated: now,
      };
      listOf(issue.id).push(comment);
      issue.updated = now;
      return comment;
    },
  };
}
