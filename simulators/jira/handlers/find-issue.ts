import { ISSUE_NOT_FOUND_MESSAGE, JiraHttpError } from '../jira-http-error.js';
import type { SimIssue } from '../types.js';
import type { HandlerContext } from './handler.js';

/** The issue named by `{issueIdOrKey}`, or Jira's 404 (which never says whether it exists). */
export function findIssue(ctx: HandlerContext): SimIssue {
  const issue = ctx.state.findIssue(ctx.params.issueIdOrKey ?? '');
  if (!issue) throw JiraHttpError.messages(404, ISSUE_NOT_FOUND_MESSAGE);
  return issue;
}
