import type { SimRemoteLink } from '../types.js';
import { findIssue } from './find-issue.js';
import type { Handler, HandlerContext } from './handler.js';

/** The `RemoteIssueLink` schema; `self` as Jira Cloud writes it (`/rest/api/issue/…`, no version). */
function representRemoteLink(ctx: HandlerContext, issueKey: string, link: SimRemoteLink) {
  return {
    id: Number(link.id),
    self: `${ctx.v3.baseUrl}/rest/api/issue/${issueKey}/remotelink/${link.id}`,
    ...(link.globalId ? { globalId: link.globalId } : {}),
    ...(link.relationship ? { relationship: link.relationship } : {}),
    object: { url: link.url, title: link.title },
  };
}

/** GET /rest/api/3/issue/{issueIdOrKey}/remotelink: every remote link, or the one with `globalId`. */
export const getRemoteIssueLinks: Handler = (ctx) => {
  const issue = findIssue(ctx);
  const globalId = ctx.query.get('globalId');
  const links = ctx.state.remoteLinks(issue.id).filter((link) => globalId === null || link.globalId === globalId);
  return { status: 200, body: links.map((link) => representRemoteLink(ctx, issue.key, link)) };
};
