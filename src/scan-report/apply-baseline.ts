import type { ScanReport } from '../scan/scan-types.js';
import type { BaselineEntry } from './baseline-file.js';
import { withFindings } from './summarise-findings.js';

/** Drop the findings the baseline accepts (by fingerprint); they are counted in `baselined`, never listed. */
export function applyBaseline(report: ScanReport, baseline: readonly BaselineEntry[]): ScanReport {
  if (baseline.length === 0) return report;
  const accepted = new Set(baseline.map((entry) => entry.fingerprint.toLowerCase()));
  const open = report.findings.filter((finding) => !accepted.has(finding.fingerprint.toLowerCase()));
  return withFindings(report, open, report.findings.length - open.length);
}
