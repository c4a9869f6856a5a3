import { InvalidReportError } from '../evidence/reports/index.js';
import type { FingerprintKey } from '../scan/fingerprint.js';
import type { DetectorKind } from '../scan/scan-types.js';
import { scanReportSchema } from '../scan-report/index.js';
import { keyUnkeyedFingerprint } from './key-unkeyed-fingerprint.js';
import { MAX_STORED_FINDINGS, worstFirst, type ScanEvidence, type StoredScanFinding } from './scan-evidence.js';

/**
 * A donegate scan report, reduced to what the criterion of `kind` keeps: its findings (masked) and the
 * files. A report from before fingerprints were keyed (no `fingerprints`) carries sha256 ones that give
 * the value away to anyone who tries candidates: those are keyed here before they are stored or shown.
 */
export function readDonegateScan(document: unknown, kind: DetectorKind, key: FingerprintKey): ScanEvidence {
  const parsed = scanReportSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidReportError('donegate scan report', issue.message, issue.path.join('.') || undefined);
  }
  const report = parsed.data;
  const keyed = (fingerprint: string) => (report.fingerprints ? fingerprint : keyUnkeyedFingerprint(key, fingerprint));
  const ofKind: StoredScanFinding[] = report.findings
    .filter((f) => f.kind === kind)
    .map(({ file, line, detector, kind: k, masked, confidence, fingerprint, columnPath, occurrences }) => ({
      file,
      line,
      detector,
      kind: k,
      masked,
      confidence,
      fingerprint: keyed(fingerprint),
      ...(columnPath !== undefined ? { columnPath } : {}),
      ...(occurrences !== undefined ? { occurrences } : {}),
    }))
    .sort(worstFirst);
  const allowed = (report.allowed ?? [])
    .filter((a) => a.kind === kind)
    .map(({ file, line, detector, kind: k, fingerprint, via, reason, by }) => ({ file, line, detector, kind: k, fingerprint: keyed(fingerprint), via, ...(reason !== undefined ? { reason } : {}), ...(by !== undefined ? { by } : {}) }));
  return {
    tool: `${report.tool.name} ${report.tool.version}`,
    findings: ofKind.slice(0, MAX_STORED_FINDINGS),
    findingCount: ofKind.length,
    otherKindCount: report.findings.length - ofKind.length,
    baselined: report.baselined,
    ...(allowed.length > 0 ? { allowed: allowed.slice(0, MAX_STORED_FINDINGS), allowedCount: allowed.length } : {}),
    ...(report.customRules ? { customRules: report.customRules.map((rules) => rules.sha256.toLowerCase()) } : {}),
    files: report.files.map(({ file, sha256, skipped }) => ({ file, sha256: sha256.toLowerCase(), ...(skipped !== undefined ? { skipped } : {}) })),
  };
}
