import type { NewWaiver, Waiver } from './waiver.js';
import type { WaiverRepository } from './waiver-repository.js';

/**
 * Store a waiver unless the very same one is already stored: a job retried after the insert (a tracker
 * hiccup before the decision was recorded) must not grant the waiver twice.
 */
export async function addWaiverOnce(waivers: WaiverRepository, waiver: NewWaiver): Promise<{ waiver: Waiver; created: boolean }> {
  const existing = (await waivers.forTicket(waiver.tracker, waiver.ticketKey)).get(waiver.criterion) ?? [];
  const same = existing.find(
    (w) =>
      w.approver === waiver.approver &&
      w.approvedVia === waiver.approvedVia &&
      w.reason === waiver.reason &&
      w.expiresAt.getTime() === waiver.expiresAt.getTime() &&
      w.advisories.join('\n') === waiver.advisories.join('\n'),
  );
  return same ? { waiver: same, created: false } : { waiver: await waivers.add(waiver), created: true };
}
