import type { FingerprintKey } from '../scan/fingerprint.js';

/**
 * A sha256 fingerprint from before fingerprints were keyed (an old report, or evidence stored then), put
 * under the key before anyone sees it: the old one gives a short value away to whoever tries candidates.
 * The same input always gives the same result, so a waiver naming what the comment shows keeps matching.
 */
export function keyUnkeyedFingerprint(key: FingerprintKey, fingerprint: string): string {
  return key.hmacHex(`unkeyed\0${fingerprint.toLowerCase()}`);
}
