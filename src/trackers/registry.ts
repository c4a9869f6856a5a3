import { githubPlugin } from './github/plugin.js';
import { jiraPlugin } from './jira/plugin.js';
import { linearPlugin } from './linear/plugin.js';
import { TRACKER_BASICS, TRACKER_NAMES, registeredTrackerSchema, type RegisteredTrackerName } from './tracker-basics-list.js';
import type { AnyTrackerPlugin } from './tracker-plugin.js';

export { TRACKER_NAMES, registeredTrackerSchema };

/**
 * Each registered tracker's whole plugin (client, receiver, renderer), keyed by the names in
 * `TRACKER_BASICS` (`tracker-basics-list.ts`, the one list): a tracker listed there without its plugin
 * here, or the other way round, does not compile. Adding a tracker is its folder plus one line in each.
 */
const PLUGINS: { readonly [Name in RegisteredTrackerName]: AnyTrackerPlugin } = { jira: jiraPlugin, linear: linearPlugin, github: githubPlugin };

/** Every tracker's whole plugin, in the order of `TRACKER_BASICS`. */
export const TRACKER_PLUGINS: readonly AnyTrackerPlugin[] = TRACKER_BASICS.map((basics) => PLUGINS[basics.name]);

/** The plugin of a registered tracker, or undefined for any other text (request input is hostile). */
export function findTrackerPlugin(name: string): AnyTrackerPlugin | undefined {
  return TRACKER_PLUGINS.find((plugin) => plugin.name === name);
}

/** Log paths of every registered tracker's secret-bearing webhook headers, for the logger's `redact`. */
export function trackerRedactPaths(): string[] {
  return TRACKER_PLUGINS.flatMap((plugin) => plugin.redactHeaders.map((header) => `headers[${JSON.stringify(header)}]`));
}
