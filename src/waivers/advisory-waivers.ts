import type { Finding } from '../evidence/reports/index.js';
import { isActive, type Waiver } from './waiver.js';

/** The waiver naming this finding's advisory id or one of its aliases (case-insensitive), if any. */
export function waiverFor(finding: Finding, waivers: readonly Waiver[]): Waiver | undefined {
  const names = new Set([finding.id, ...finding.aliases].map((name) => name.toUpperCase()));
  return waivers.find((waiver) => waiver.advisories.some((advisory) => names.has(advisory.toUpperCase())));
}

/** Split advisory-specific waivers into those that count now and those that have expired. */
export function advisoryWaivers(waivers: readonly Waiver[], now: Date): { active: Waiver[]; expired: Waiver[] } {
  const specific = waivers.filter((waiver) => waiver.advisories.length > 0);
  return { active: specific.filter((w) => isActive(w, now)), expired: specific.filter((w) => !isActive(w, now)) };
}
