import type { ScanFinding, ScannedFile, ScanReport } from '../scan/scan-types.js';

/** The report summary for these findings and files: counts by detector and kind, files and bytes. */
export function summariseFindings(findings: readonly ScanFinding[], files: readonly ScannedFile[]): ScanReport['summary'] {
  const byDetector: Record<string, number> = {};
  for (const finding of findings) byDetector[finding.detector] = (byDetector[finding.detector] ?? 0) + 1;
  return {
    byDetector,
    pii: findings.filter((f) => f.kind === 'pii').length,
    secrets: findings.filter((f) => f.kind === 'secret').length,
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.size, 0),
  };
}

/** The same report with only some of its findings; the summary follows. */
export function withFindings(report: ScanReport, findings: ScanFinding[], baselinedMore = 0): ScanReport {
  return { ...report, findings, baselined: report.baselined + baselinedMore, summary: summariseFindings(findings, report.files) };
}
