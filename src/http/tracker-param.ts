import { findTrackerPlugin, TRACKER_NAMES } from '../trackers/registry.js';
import type { AnyTrackerPlugin } from '../trackers/tracker-plugin.js';

/** "jira or linear", "jira, linear or github": the registered trackers, for error messages. */
export function trackerChoices(): string {
  const names = [...TRACKER_NAMES];
  const last = names.pop();
  return names.length === 0 ? (last ?? '') : `${names.join(', ')} or ${last}`;
}

export type TrackerParam =
  | { ok: true; plugin: AnyTrackerPlugin; key: string }
  | { ok: false; problem: 'unknown-tracker' | 'invalid-key'; message: string };

/**
 * A ticket named by a request (route params or form fields): a registered tracker, and a key in that
 * tracker's own pattern, upper-cased as stored. Both come from the request, so neither is echoed at length.
 */
export function readTrackerParam(tracker: string, key: string): TrackerParam {
  const plugin = findTrackerPlugin(tracker);
  if (!plugin) return { ok: false, problem: 'unknown-tracker', message: `unknown tracker "${tracker.slice(0, 40)}"; use ${trackerChoices()}` };
  if (!plugin.keyPattern.test(key)) {
    return { ok: false, problem: 'invalid-key', message: `"${key.slice(0, 200)}" is not a ${plugin.label} ticket key such as ${plugin.keyExample}` };
  }
  return { ok: true, plugin, key: key.toUpperCase() };
}
