import { createHash } from 'node:crypto';
import type { TrackerName } from '../domain/index.js';

/**
 * The BullMQ job id for a delivery: the same delivery always maps to the same job, so the tracker's
 * retries are no-ops. Hashed because delivery ids are arbitrary text and BullMQ reserves `:` in ids.
 */
export function jobIdForDelivery(tracker: TrackerName, deliveryId: string): string {
  return `${tracker}-${createHash('sha256').update(deliveryId).digest('hex').slice(0, 40)}`;
}
