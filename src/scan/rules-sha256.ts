import { createHash } from 'node:crypto';
import type { Detector } from './detectors/detector.js';

/**
 * sha256 over what decides a finding: each detector's id, kind, version, pattern and settings, in id order.
 * Two reports with the same rules hash were produced by the same rules.
 */
export function rulesSha256(detectors: readonly Detector[]): string {
  const rules = [...detectors]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, kind, version, pattern, variant, weak }) => ({ id, kind, version, pattern: pattern.source, flags: pattern.flags, variant: variant ?? null, weak: weak === true }));
  return createHash('sha256').update(JSON.stringify(rules)).digest('hex');
}
