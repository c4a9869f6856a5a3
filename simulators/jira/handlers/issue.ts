import { JiraHttpError } from '../jira-http-error.js';
import { representIssueFields } from '../represent.js';
import type { Handler } from './handler.js';
import { findIssue } from './find-issue.js';

/** GET /rest/api/3/issue/{issueIdOrKey}: `fields` selects (`*all`, `*navigable`, names, `-name` to exclude). */
export const getIssue: Handler = (ctx) => {
  const issue = findIssue(ctx);
  const all = representIssueFields(ctx.v3, issue);
  const requested = ctx.query.getAll('fields').flatMap((f) => f.split(',')).filter((f) => f !== '');
  const wantsAll = requested.length === 0 || requested.some((f) => f === '*all' || f === '*navigable');
  const include = new Set(requested.filter((f) => !f.startsWith('-') && !f.startsWith('*')));
  const exclude = new Set(requested.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  const fields = Object.fromEntries(
    Object.entries(all).filter(([name]) => (wantsAll || include.has(name)) && !exclude.has(name)),
  );
  const propertyKeys = ctx.query.getAll('properties').flatMap((p) => p.split(',')).filter((p) => p !== '');
  const properties = propertyKeys.includes('*all')
    ? Object.fromEntries(issue.properties)
    : Object.fromEntries(propertyKeys.filter((k) => issue.properties.has(k)).map((k) => [k, issue.properties.get(k)]));
  return {
    status: 200,
    body: {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: `${ctx.v3.baseUrl}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
      ...(propertyKeys.length > 0 ? { properties } : {}),
      fields,
    },
  };
};

const EDITABLE = new Set(['labels', 'summary']);

interface EditBody {
  fields?: Record<string, unknown>;
  update?: Record<string, Array<{ add?: unknown; remove?: unknown; set?: unknown }>>;
}

/** PUT /rest/api/3/issue/{issueIdOrKey}: labels (`update.labels[{add|remove|set}]`, `fields.labels`) and summary. */
export const editIssue: Handler = (ctx) => {
  const issue = findIssue(ctx);
  const body = (ctx.body ?? {}) as EditBody;
  const errors: Record<string, string> = {};
  const touched = [...Object.keys(body.fields ?? {}), ...Object.keys(body.update ?? {})];
  for (const field of touched) {
    if (!EDITABLE.has(field)) errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
  }
  for (const field of Object.keys(body.fields ?? {})) {
    if (body.update?.[field]) errors[field] = `Field '${field}' cannot be set in both 'fields' and 'update'.`;
  }
  if (Object.keys(errors).length > 0) throw new JiraHttpError(400, { errorMessages: [], errors });

  let labels = [...issue.labels];
  let summary = issue.summary;
  if (body.fields?.labels !== undefined) labels = labelList(body.fields.labels);
  if (body.fields?.summary !== undefined) summary = summaryText(body.fields.summary);
  for (const op of body.update?.labels ?? []) {
    if (op.set !== undefined) labels = labelList(op.set);
    if (op.add !== undefined) {
      const label = labelList([op.add])[0]!;
      if (!labels.includes(label)) labels.push(label);
    }
    if (op.remove !== undefined) labels = labels.filter((l) => l !== op.remove);
  }
  for (const op of body.update?.summary ?? []) if (op.set !== undefined) summary = summaryText(op.set);

  const labelsChanged = labels.join('\u0000') !== issue.labels.join('\u0000');
  issue.labels = labels;
  issue.summary = summary;
  issue.updated = new Date();
  if (labelsChanged) ctx.events.emit('labels', { issueKey: issue.key, labels: [...labels] });
  return { status: 204 };
};

/** Jira refuses labels with spaces and keeps them at most 255 characters. */
function labelList(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((l) => typeof l !== 'string')) {
    throw JiraHttpError.field(400, 'labels', 'Labels must be a list of strings.');
  }
  for (const label of value as string[]) {
    if (/\s/.test(label)) throw JiraHttpError.field(400, 'labels', `The label '${label}' contains spaces which is invalid.`);
    if (label.length === 0 || label.length > 255) throw JiraHttpError.field(400, 'labels', 'A label must be 1–255 characters.');
  }
  return [...new Set(value as string[])];
}

function summaryText(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw JiraHttpError.field(400, 'summary', 'You must specify a summary of the issue.');
  return value;
}
