import type { TrackerName } from '../domain/index.js';
import { findTrackerPlugin } from '../trackers/registry.js';

/**
 * The project (Jira) or team (Linear) key of a ticket key: the part before the last `-`, upper-cased so
 * `ml-142` and `ML-142` belong to the same project. Undefined when the text has no `-` to split on.
 * @example projectKeyOf('ML-142') // 'ML'
 * @example projectKeyOf('ai-7') // 'AI'
 */
export function projectKeyOf(ticketKey: string): string | undefined {
  const dash = ticketKey.lastIndexOf('-');
  if (dash <= 0) return undefined;
  return ticketKey.slice(0, dash).toUpperCase();
}

/** Whether `text` names a tracker a scope may be limited to: any registered one. */
export function isScopeTracker(text: string): text is TrackerName {
  return findTrackerPlugin(text) !== undefined;
}

/**
 * Whether a token limited to `scopes` may act on `project` in `tracker`. A scope is a bare project key
 * (`ML`: that key in every tracker, as before) or one qualified by its tracker (`jira:ML`: Jira's ML only,
 * not Linear's team ML). An empty list means every project. Without a `tracker` (a request that names none)
 * any scope for the project counts; such routes narrow what they return with `scopesForProject`.
 * @example projectInScope(['jira:ML'], 'ML', 'linear') // false
 * @example projectInScope(['ML'], 'ml', 'linear') // true
 */
export function projectInScope(scopes: readonly string[], project: string, tracker?: TrackerName): boolean {
  return scopes.length === 0 || scopesForProject(scopes, project, tracker).length > 0;
}

/** The entries of `scopes` that cover `project` (in `tracker`, when given), as stored (`ML`, `jira:ML`). */
export function scopesForProject(scopes: readonly string[], project: string, tracker?: TrackerName): string[] {
  const wanted = project.toUpperCase();
  return scopes.filter((scope) => {
    const colon = scope.indexOf(':');
    if (colon < 0) return scope.toUpperCase() === wanted;
    const scopeTracker = scope.slice(0, colon).toLowerCase();
    return scope.slice(colon + 1).toUpperCase() === wanted && (tracker === undefined || scopeTracker === tracker);
  });
}
