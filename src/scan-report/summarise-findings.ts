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

export interface DetectorRow {
  detector: string;
  kind: ScanFinding['kind'];
  findings: number;
  /** Distinct files the detector found something in. */
  files: number;
}

/** One row per detector that found something, most findings first, then by id, for the text report's table. */
export function findingsByDetector(findings: readonly ScanFinding[]): DetectorRow[] {
  const rows = new Map<string, { kind: ScanFinding['kind']; findings: number; files: Set<string> }>();
  for (const finding of findings) {
    const row = rows.get(finding.detector) ?? { kind: finding.kind, findings: 0, files: new Set<string>() };
    row.findings++;
    row.files.add(finding.file);
    rows.set(finding.detector, row);
  }
  return [...rows]
    .map(([detector, row]) => ({ detector, kind: row.kind, findings: row.findings, files: row.files.size }))
    .sort((a, b) => b.findings - a.findings || (a.detector < b.detector ? -1 : a.detector > b.detector ? 1 : 0));
}

/**
 * What was not (fully) scanned, in words, by reason: files read but skipped (binary, unreadable, …, from each
 * file's `skipped`) and paths the selection left out (.gitignore, --exclude, --include, --since).
 */
export function notScannedCounts(report: ScanReport): string[] {
  const byReason = new Map<string, number>();
  for (const file of report.files) {
    if (file.skipped === undefined) continue;
    const reason = file.skipped.split(':')[0]!.replace(/ larger than.*$/, ' too large');
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  const parts = [...byReason].map(([reason, count]) => `${count} ${reason}`);
  const skipped = report.selection?.skipped;
  if (skipped) {
    const said: Record<keyof typeof skipped, string> = {
      gitignore: 'ignored by .gitignore (--no-gitignore scans them)',
      excluded: 'excluded by --exclude',
      'not-included': 'not matched by --include',
      unchanged: `unchanged since ${report.selection?.since ?? 'the ref'}`,
    };
    for (const [reason, { files, folders }] of Object.entries(skipped) as Array<[keyof typeof skipped, { files: number; folders: number }]>) {
      if (files + folders === 0) continue;
      const counted = [files > 0 ? `${files} file${files === 1 ? '' : 's'}` : '', folders > 0 ? `${folders} folder${folders === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
      parts.push(`${counted} ${said[reason]}`);
    }
  }
  return parts;
}
