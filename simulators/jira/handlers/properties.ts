import { JiraHttpError } from '../jira-http-error.js';
import type { Handler } from './handler.js';
import { findIssue } from './find-issue.js';

/** Jira caps an entity property value at 32 KB of JSON. */
const MAX_VALUE_BYTES = 32768;

export const getIssueProperty: Handler = (ctx) => {
  const issue = findIssue(ctx);
  const key = ctx.params.propertyKey ?? '';
  if (!issue.properties.has(key)) throw JiraHttpError.messages(404, `The property with key '${key}' does not exist.`);
  return { status: 200, body: { key, value: issue.properties.get(key) } };
};

/** 201 when the property is new, 200 when it replaced a value, as Jira answers. */
export const setIssueProperty: Handler = (ctx) => {
  const issue = findIssue(ctx);
  const key = ctx.params.propertyKey ?? '';
  if (key.length > 255) throw JiraHttpError.messages(400, 'The property key cannot be longer than 255 characters.');
  if (Buffer.byteLength(JSON.stringify(ctx.body)) > MAX_VALUE_BYTES) {
    throw JiraHttpError.messages(400, `The property '${key}' has too large a value. The maximum allowed size is ${MAX_VALUE_BYTES} bytes.`);
  }
  const existed = issue.properties.has(key);
  issue.properties.set(key, structuredClone(ctx.body));
  ctx.events.emit('property', { issueKey: issue.key, key, value: ctx.body });
  return { status: existed ? 200 : 201 };
};
