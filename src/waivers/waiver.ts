import type { TrackerName } from '../domain/index.js';

/**
 * An accepted risk: a named approver lets a ticket pass a criterion (or some of its advisories) until a
 * date, for a stated reason. Immutable; it simply stops counting when it expires.
 */
export interface Waiver {
  id: string;
  tracker: TrackerName;
  ticketKey: string;
  criterion: string;
  /** Empty: the whole criterion. Otherwise the advisory ids (or aliases) it covers. */
  advisories: string[];
  reason: string;
  approver: string;
  /** `api` (a token), `ui` (a person signed in to the waivers page), or the tracker plugin's `waiverCommand.approvedVia` (`jira-comment`, …) for a comment command. */
  approvedVia: string;
  expiresAt: Date;
  createdAt: Date;
  /** Set when an approver or admin withdrew it before it expired (a row of `waiver_revocations`). */
  revoked?: WaiverRevocation;
}

export interface WaiverRevocation {
  /** The token name that revoked it. */
  by: string;
  reason: string;
  at: Date;
}

export type NewWaiver = Omit<Waiver, 'id' | 'createdAt' | 'revoked'>;

/** Past its end date (a revoked waiver has its own `waiver-revoked` entry, not an expiry). */
export const hasExpired = (waiver: Waiver, now: Date) => waiver.expiresAt.getTime() <= now.getTime();

/** Counts until it expires or, if revoked earlier, until it was revoked. */
export const isActive = (waiver: Waiver, now: Date) =>
  waiver.expiresAt.getTime() > now.getTime() && (waiver.revoked === undefined || waiver.revoked.at.getTime() > now.getTime());

/**
 * The last day (UTC) a waiver ending at `expiresAt` counts. A waiver "until 2027-01-31" is stored as ending
 * at 2027-02-01T00:00Z, the first instant it no longer counts, so the date is that of the instant before.
 * @example lastDayBefore(new Date('2027-02-01T00:00:00Z')) // '2027-01-31'
 */
export const lastDayBefore = (expiresAt: Date | string) => new Date(new Date(expiresAt).getTime() - 1).toISOString().slice(0, 10);

/** The last day a waiver counts (it stops at the start of the next day, UTC). */
export const lastDayOf = (waiver: Waiver) => lastDayBefore(waiver.expiresAt);

/** "waived by alice until 2026-12-31: vendor patch pending" */
export function describeWaiver(waiver: Waiver): string {
  return `waived by ${waiver.approver} until ${lastDayOf(waiver)}: ${waiver.reason}`;
}

/** "a waiver by alice (…) expired on 2026-11-20; it no longer counts" */
export function describeExpiredWaiver(waiver: Waiver): string {
  const scope = waiver.advisories.length > 0 ? ` for ${waiver.advisories.join(', ')}` : '';
  if (waiver.revoked && !hasExpired(waiver, waiver.revoked.at)) {
    return `the waiver by ${waiver.approver}${scope} was revoked by ${waiver.revoked.by} on ${waiver.revoked.at.toISOString().slice(0, 10)}; it no longer counts`;
  }
  return `the waiver by ${waiver.approver}${scope} expired on ${waiver.expiresAt.toISOString().slice(0, 10)}; it no longer counts`;
}
