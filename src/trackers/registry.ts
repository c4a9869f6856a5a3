import { z } from 'zod';
import { githubPlugin } from './github/plugin.js';
import { jiraPlugin } from './jira/plugin.js';
import { linearPlugin } from './linear/plugin.js';
import type { AnyTrackerPlugin } from './tracker-plugin.js';

/**
 * Every tracker donegate speaks to: the one list. Routes, configuration, the policy's `match` and
 * `waivers.approvers`, job payloads, the CLI's `--tracker` and log redaction are all derived from it,
 * so adding a tracker is its folder plus one line here.
 */
export const TRACKER_PLUGINS: readonly AnyTrackerPlugin[] = [jiraPlugin, linearPlugin, githubPlugin];

/** The names of the registered trackers, in list order. */
export const TRACKER_NAMES: readonly string[] = TRACKER_PLUGINS.map((plugin) => plugin.name);

/** A tracker name that is registered: what job payloads, policies and requests may carry. */
export const registeredTrackerSchema = z.string().refine((name) => TRACKER_NAMES.includes(name), {
  message: `must be one of the registered trackers: ${TRACKER_NAMES.join(', ')}`,
}).meta({ enum: [...TRACKER_NAMES] });

/** The plugin of a registered tracker, or undefined for any other text (request input is hostile). */
export function findTrackerPlugin(name: string): AnyTrackerPlugin | undefined {
  return TRACKER_PLUGINS.find((plugin) => plugin.name === name);
}

/** Log paths of every registered tracker's secret-bearing webhook headers, for the logger's `redact`. */
export function trackerRedactPaths(): string[] {
  return TRACKER_PLUGINS.flatMap((plugin) => plugin.redactHeaders.map((header) => `headers[${JSON.stringify(header)}]`));
}
