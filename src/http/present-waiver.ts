import { hasExpired, isActive, type Waiver } from '../waivers/waiver.js';

/** A waiver as the API answers it, with whether it counts at `now`. */
export function presentWaiver(waiver: Waiver, now: Date) {
  return {
    id: waiver.id,
    tracker: waiver.tracker,
    ticket: waiver.ticketKey,
    criterion: waiver.criterion,
    advisories: waiver.advisories,
    reason: waiver.reason,
    approver: waiver.approver,
    approvedVia: waiver.approvedVia,
    expiresAt: waiver.expiresAt.toISOString(),
    createdAt: waiver.createdAt.toISOString(),
    status: isActive(waiver, now) ? 'active' : waiver.revoked && !hasExpired(waiver, waiver.revoked.at) ? 'revoked' : 'expired',
    ...(waiver.revoked ? { revoked: { by: waiver.revoked.by, reason: waiver.revoked.reason, at: waiver.revoked.at.toISOString() } } : {}),
  };
}
