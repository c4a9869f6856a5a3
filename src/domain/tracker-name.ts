import { z } from 'zod';

/**
 * A tracker's name as it appears in routes (`/webhooks/<name>`), job payloads, audit entries and policy
 * `match` keys. The domain only knows its shape; which names exist is decided by the registered tracker
 * plugins (`TRACKER_PLUGINS`), so nothing below them spells out a list of trackers.
 */
export const trackerNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a tracker name is lower-case letters, digits and dashes, starting with a letter');

export type TrackerName = z.infer<typeof trackerNameSchema>;
