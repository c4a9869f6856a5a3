import { z } from 'zod';

/** A non-empty list of keys (projects, teams, repositories) in a policy's `match.<tracker>` block. */
export const keyList = z.array(z.string().trim().min(1)).min(1);

/** Keys compare case-insensitively: `ml` in the policy matches project `ML`. */
export function includesKey(keys: readonly string[], key: string): boolean {
  const wanted = key.toUpperCase();
  return keys.some((candidate) => candidate.toUpperCase() === wanted);
}

/**
 * The part of a `PROJECT-123` key before its last `-`, upper-cased so `ml-142` and `ML-142` are the same
 * project. Jira project keys and Linear team keys both work this way.
 * @example projectBeforeDash('ai-7') // 'AI'
 */
export function projectBeforeDash(key: string): string {
  const dash = key.lastIndexOf('-');
  return dash <= 0 ? key.toUpperCase() : key.slice(0, dash).toUpperCase();
}

/** A `PROJECT-123` key: a letter, letters, digits or `_`, a dash, a number (Jira issue keys, Linear identifiers). */
export const DASHED_TICKET_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;
