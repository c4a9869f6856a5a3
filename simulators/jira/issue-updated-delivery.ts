import type { ChangeItem } from './apply-transition.js';
import { representIssueFields, representUser, type RepresentContext } from './represent.js';
import type { SimIssue, SimUser } from './types.js';

/**
 * The body Jira POSTs for `jira:issue_updated`
 * (https://developer.atlassian.com/cloud/jira/platform/webhooks/#example-callback-for-an-issue-related-event).
 * Admin webhooks carry REST v2 representations, so `self` links point at `/rest/api/2`.
 */
export interface IssueUpdatedDelivery {
  timestamp: number;
  webhookEvent: 'jira:issue_updated';
  issue_event_type_name: string;
  user: ReturnType<typeof representUser>;
  issue: { id: string; self: string; key: string; fields: Record<string, unknown> };
  changelog: { id: string; items: ChangeItem[] };
}

export function buildIssueUpdatedDelivery(
  ctx: RepresentContext,
  issue: SimIssue,
  actor: SimUser,
  items: ChangeItem[],
  changelogId: string,
): IssueUpdatedDelivery {
  return {
    timestamp: Date.now(),
    webhookEvent: 'jira:issue_updated',
    // Workflow transitions fire the Generic Event unless an admin mapped them to another one.
    issue_event_type_name: 'issue_generic',
    user: representUser(ctx, actor),
    issue: {
      id: issue.id,
      self: `${ctx.baseUrl}/rest/api/${ctx.apiVersion}/issue/${issue.id}`,
      key: issue.key,
      fields: representIssueFields(ctx, issue),
    },
    changelog: { id: changelogId, items },
  };
}
