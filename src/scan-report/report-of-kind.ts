import type { DetectorKind, ScanReport } from '../scan/scan-types.js';
import { withFindings } from './summarise-findings.js';

/**
 * The part of a report a single criterion judges: `pii` findings for pii-scan, `secret` findings for
 * secret-scan. Files (and their sha256) stay, since both parts scanned the same files.
 */
export function reportOfKind(report: ScanReport, kind: DetectorKind): ScanReport {
  const part = withFindings(report, report.findings.filter((finding) => finding.kind === kind));
  return report.allowed ? { ...part, allowed: report.allowed.filter((allowed) => allowed.kind === kind) } : part;
}
