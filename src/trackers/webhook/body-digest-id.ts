import { createHash } from 'node:crypto';

/**
 * A delivery id derived from the raw body, for deliveries that arrive without the tracker's id header.
 * A tracker's retry resends the same bytes, so retries still collapse onto one job; distinct events differ
 * (Jira bodies carry the event `timestamp` and changelog id). No `:` in it: BullMQ refuses custom job ids
 * containing its key separator.
 */
export function bodyDigestId(rawBody: Buffer): string {
  return `body-sha256-${createHash('sha256').update(rawBody).digest('hex')}`;
}
