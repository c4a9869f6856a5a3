import { z } from 'zod';
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

const trackerDoc = { enum: [...TRACKER_NAMES], description: 'A registered tracker.' };

/** `:tracker` and `:key` of a `/…/:tracker/:key/…` route, as the path gives them. */
const ticketPath = z.object({
  tracker: z.string().meta(trackerDoc),
  key: z.string().meta({ description: "The ticket's key in that tracker, in its own form, such as ML-142; read case-insensitively." }),
});

/** A failing `:tracker` names no resource (404); a `:key` the tracker never issues is a bad request (400). */
export const TICKET_PATH_PROBLEMS = {
  tracker: { status: 404, code: 'UNKNOWN_TRACKER' },
  key: { status: 400, code: 'INVALID_TICKET_KEY' },
} as const;

/** The ticket a route's path names: a registered tracker and a key in that tracker's own pattern, upper-cased. */
export const ticketPathSchema = ticketPath.transform(({ tracker, key }, ctx) => {
  const ticket = readTrackerParam(tracker, key);
  if (ticket.ok) return { plugin: ticket.plugin, key: ticket.key };
  ctx.addIssue({ code: 'custom', path: [ticket.problem === 'unknown-tracker' ? 'tracker' : 'key'], message: ticket.message });
  return z.NEVER;
});

/** As ticketPathSchema, but any key is read (a key the tracker never issues simply has nothing recorded). */
export const ticketPathAnyKeySchema = ticketPath.transform(({ tracker, key }, ctx) => {
  const ticket = readTrackerParam(tracker, key);
  if (ticket.ok || ticket.problem === 'invalid-key') return { plugin: findTrackerPlugin(tracker)!, key: key.toUpperCase() };
  ctx.addIssue({ code: 'custom', path: ['tracker'], message: ticket.message });
  return z.NEVER;
});

/** A tracker named by a query value or form field: an unknown one is a bad request (400 INVALID_TRACKER). */
export const trackerFieldSchema = z
  .string()
  .refine((name) => findTrackerPlugin(name) !== undefined, { error: (issue) => `tracker must be ${trackerChoices()}, not "${String(issue.input).slice(0, 40)}"` })
  .meta(trackerDoc);
