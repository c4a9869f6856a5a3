import { applyTransition, type ResolutionChange } from '../apply-transition.js';
import { buildIssueUpdatedDelivery } from '../issue-updated-delivery.js';
import { JiraHttpError } from '../jira-http-error.js';
import { representTransition } from '../represent.js';
import type { SimTransition } from '../types.js';
import type { Handler, HandlerContext } from './handler.js';
import { findIssue } from './find-issue.js';

/** GET …/transitions: what the workflow offers now; `expand=transitions.fields` adds each screen's fields. */
export const getTransitions: Handler = (ctx) => {
  const issue = findIssue(ctx);
  const expandFields = (ctx.query.get('expand') ?? '').split(',').includes('transitions.fields');
  const only = ctx.query.get('transitionId');
  const transitions = ctx.state
    .availableTransitions(issue)
    .filter((t) => only === null || t.id === only)
    .map((t) => representTransition(ctx.v3, t, expandFields));
  return { status: 200, body: { expand: 'transitions', transitions } };
};

interface TransitionBody {
  transition?: { id?: string };
  fields?: Record<string, unknown>;
  update?: Record<string, unknown>;
}

/** POST …/transitions: refuses transitions not available from the current status and fields not on the screen. */
export const doTransition: Handler = (ctx) => {
  const issue = findIssue(ctx);
  const body = (ctx.body ?? {}) as TransitionBody;
  const id = body.transition?.id;
  if (!id) throw JiraHttpError.messages(400, "Missing 'transition' identifier");
  const transition = ctx.state.availableTransitions(issue).find((t) => t.id === id);
  if (!transition) throw JiraHttpError.messages(400, `Transition id '${id}' is not valid for this issue.`);

  const resolution = readResolution(ctx, transition, body);
  const fromStatusId = issue.statusId;
  const items = applyTransition(ctx.state, issue, transition, resolution);
  const actor = ctx.state.user(ctx.callerAccountId);
  const delivery = buildIssueUpdatedDelivery(ctx.v2, issue, actor, items, ctx.state.newId());
  ctx.events.emit('transition', {
    issueKey: issue.key,
    transitionId: transition.id,
    fromStatusId,
    toStatusId: issue.statusId,
    actorAccountId: actor.accountId,
    via: 'rest',
    delivery,
  });
  return { status: 204 };
};

function readResolution(ctx: HandlerContext, transition: SimTransition, body: TransitionBody): ResolutionChange {
  const errors: Record<string, string> = {};
  const onScreen = (field: string) => field === 'resolution' && transition.resolutionOnScreen;
  for (const field of [...Object.keys(body.fields ?? {}), ...Object.keys(body.update ?? {})]) {
    if (!onScreen(field)) errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
  }
  if (Object.keys(errors).length > 0) throw new JiraHttpError(400, { errorMessages: [], errors });
  if (!body.fields || !('resolution' in body.fields)) return undefined;
  const value = body.fields.resolution;
  if (value === null) return null;
  const ref = value as { id?: unknown; name?: unknown };
  const found = typeof ref.id === 'string' ? ctx.state.resolution(ref.id) : typeof ref.name === 'string' ? ctx.state.resolution(ref.name) : undefined;
  if (!found) throw JiraHttpError.field(400, 'resolution', 'Specify a valid resolution.');
  return found.id;
}
