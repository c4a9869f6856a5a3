import { JiraHttpError } from '../jira-http-error.js';
import { representComment } from '../represent.js';
import type { AdfNode, SimComment } from '../types.js';
import { validateAdf } from '../validate-adf.js';
import type { Handler, HandlerContext } from './handler.js';
import { findIssue } from './find-issue.js';

/** Largest page the simulator serves, whatever `maxResults` asks: clients must follow `total`. */
export const MAX_COMMENTS_PER_PAGE = 100;

export const getComments: Handler = (ctx) => {
  const issue = findIssue(ctx);
  const startAt = Number(ctx.query.get('startAt') ?? 0);
  const maxResults = Math.min(Number(ctx.query.get('maxResults') ?? 50), MAX_COMMENTS_PER_PAGE);
  const all = [...ctx.state.comments(issue.id)];
  if (ctx.query.get('orderBy') === '-created') all.reverse();
  const page = all.slice(startAt, startAt + maxResults);
  return {
    status: 200,
    body: { startAt, maxResults, total: all.length, comments: page.map((c) => representComment(ctx.v3, c)) },
  };
};

export const getComment: Handler = (ctx) => ({ status: 200, body: representComment(ctx.v3, findComment(ctx)) });

export const addComment: Handler = (ctx) => {
  const issue = findIssue(ctx);
  const comment = ctx.state.addComment(issue.id, { authorAccountId: ctx.callerAccountId, body: readBody(ctx) });
  ctx.events.emit('comment', { issueKey: issue.key, comment, created: true });
  return { status: 201, body: representComment(ctx.v3, comment) };
};

/** Only the author edits a comment here: donegate must never rewrite what a person wrote. */
export const updateComment: Handler = (ctx) => {
  const comment = findComment(ctx);
  if (comment.authorAccountId !== ctx.callerAccountId) {
    throw JiraHttpError.messages(403, 'You do not have the permission to edit this comment.');
  }
  comment.body = readBody(ctx);
  comment.updated = new Date();
  comment.updateAuthorAccountId = ctx.callerAccountId;
  const issue = ctx.state.issue(comment.issueId);
  ctx.events.emit('comment', { issueKey: issue.key, comment, created: false });
  return { status: 200, body: representComment(ctx.v3, comment) };
};

function findComment(ctx: HandlerContext): SimComment {
  const issue = findIssue(ctx);
  const comment = ctx.state.comments(issue.id).find((c) => c.id === ctx.params.id);
  if (!comment) throw JiraHttpError.messages(404, `Can not find a comment for key: ${ctx.params.id ?? ''}.`);
  return comment;
}

/** Jira v3 takes ADF only; a malformed document is refused as `INVALID_INPUT` and recorded. */
function readBody(ctx: HandlerContext): AdfNode {
  const body = (ctx.body as { body?: unknown } | undefined)?.body;
  if (body === undefined) throw JiraHttpError.field(400, 'comment', 'Comment body can not be empty!');
  const problems = validateAdf(body);
  if (problems.length > 0) {
    ctx.recordViolation({ kind: 'invalid-adf', problems });
    throw JiraHttpError.messages(400, 'INVALID_INPUT');
  }
  return structuredClone(body) as AdfNode;
}
