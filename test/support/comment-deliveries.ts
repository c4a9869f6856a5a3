import { randomUUID } from 'node:crypto';
import type { JiraSimulator } from '../../simulators/jira/create-jira-simulator.js';
import type { LinearSimulator } from '../../simulators/linear/create-linear-simulator.js';

/**
 * Write a comment on a simulated Jira issue as `authorAccountId` and return the `comment_created` body Jira
 * would deliver for it (the simulators build issue deliveries only). The body is a string, as in admin webhooks.
 */
export function jiraCommentDelivery(jira: JiraSimulator, issueKey: string, authorAccountId: string, text: string): object {
  const issue = jira.state.issue(issueKey);
  const comment = jira.state.addComment(issueKey, { authorAccountId, body: text });
  return {
    timestamp: comment.created.getTime(),
    webhookEvent: 'comment_created',
    comment: { id: comment.id, author: { accountId: authorAccountId }, body: text, created: comment.created.toISOString() },
    issue: { id: issue.id, key: issue.key, fields: {} },
  };
}

/** The same for Linear: the comment is written on the board, the `Comment` `create` body returned (fresh timestamp). */
export function linearCommentDelivery(linear: LinearSimulator, identifier: string, userId: string, text: string): object {
  const issue = linear.issue(identifier)!;
  const comment = linear.addComment(identifier, text, userId);
  return {
    action: 'create',
    type: 'Comment',
    actor: { id: userId, type: 'user' },
    createdAt: comment.createdAt,
    data: { id: comment.id, body: text, issueId: issue.id, userId, createdAt: comment.createdAt, issue: { id: issue.id, identifier: issue.identifier } },
    webhookTimestamp: Date.now(),
    webhookId: randomUUID(),
  };
}
