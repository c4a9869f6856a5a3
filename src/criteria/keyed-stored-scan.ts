import type { FingerprintKey } from '../scan/fingerprint.js';
import { keyUnkeyedFingerprint } from './key-unkeyed-fingerprint.js';
import type { ScanEvidence, StoredScanFinding } from './scan-evidence.js';

/** A finding as judged. `unkeyed`: the sha256 fingerprint it was stored with, matched by waivers written then, never shown. */
export type JudgedScanFinding = StoredScanFinding & { unkeyed?: string };

/**
 * A stored scan as the criteria judge and show it. Evidence is append-only, so records stored before
 * fingerprints were keyed still hold sha256 ones: those are keyed here, on every read, and the old
 * fingerprint is kept beside it only so waivers that named it still apply.
 */
export function keyedStoredScan(scan: ScanEvidence, key: FingerprintKey): Omit<ScanEvidence, 'findings'> & { findings: JudgedScanFinding[] } {
  if (scan.fingerprints === 'keyed') return scan;
  return { ...scan, findings: scan.findings.map((finding) => ({ ...finding, fingerprint: keyUnkeyedFingerprint(key, finding.fingerprint), unkeyed: finding.fingerprint })) };
}
