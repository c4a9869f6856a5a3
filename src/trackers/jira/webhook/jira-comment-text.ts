import { adfText } from '../adf.js';

/** A Jira comment body as plain text: a string as it is, an ADF document flattened to its text. */
export function jiraCommentText(body: unknown): string {
  return typeof body === 'string' ? body : adfText(body);
}
