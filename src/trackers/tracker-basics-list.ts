import { z } from 'zod';
import { githubBasics } from './github/github-basics.js';
import { jiraBasics } from './jira/jira-basics.js';
import { linearBasics } from './linear/linear-basics.js';
import type { TrackerBasics } from './tracker-plugin.js';

/**
 * Every tracker donegate speaks to: the one list. Routes, configuration, the policy's `match` and
 * `waivers.approvers`, job payloads, the CLI's `--tracker` and log redaction are all derived from it.
 * It holds each tracker's light part only, so the policy and the CLI load it without any client
 * library; `registry.ts` adds each tracker's client and receiver, keyed by these names.
 */
export const TRACKER_BASICS = [jiraBasics, linearBasics, githubBasics] as const;

/** A registered tracker's name, as a type: what `registry.ts` keys the full plugins by. */
export type RegisteredTrackerName = (typeof TRACKER_BASICS)[number]['name'];

/** The light part of every registered tracker, as the policy and the CLI read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TRACKER_BASICS_LIST: readonly TrackerBasics<any>[] = TRACKER_BASICS;

/** The names of the registered trackers, in list order. */
export const TRACKER_NAMES: readonly string[] = TRACKER_BASICS.map((basics) => basics.name);

/** A tracker name that is registered: what job payloads, policies and requests may carry. */
export const registeredTrackerSchema = z.string().refine((name) => TRACKER_NAMES.includes(name), {
  message: `must be one of the registered trackers: ${TRACKER_NAMES.join(', ')}`,
}).meta({ enum: [...TRACKER_NAMES] });
