import type { ScanFinding, ScanReport } from '../scan/scan-types.js';
import { findingsByDetector, notScannedCounts } from './summarise-findings.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Rows under a header, columns padded to their widest cell; `right` columns (counts) are aligned right. */
function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** `, 10000 rows` after a dataset column's location: the finding stands for that many rows. */
const rowCount = (f: ScanFinding): string => (f.occurrences === undefined ? '' : `, ${plural(f.occurrences, 'row')}`);

/**
 * A report for people: one row per finding (location, detector, confidence, masked value), a table per
 * detector (kind, findings, files), then the totals and what was not scanned and why.
 */
export function formatTextReport(report: ScanReport): string {
  const rows = report.findings.map((f) => [`${f.file}:${f.line}:${f.column}${f.location ? ` (${f.location}${rowCount(f)})` : ''}`, f.detector, f.confidence, f.masked]);
  const out: string[] = [];
  if (rows.length > 0) out.push(...table(['LOCATION', 'DETECTOR', 'CONFIDENCE', 'VALUE (MASKED)'], rows), '');
  const detectors = findingsByDetector(report.findings).map((row) => [row.detector, row.kind, String(row.findings), String(row.files)]);
  if (detectors.length > 0) out.push(...table(['DETECTOR', 'KIND', 'FINDINGS', 'FILES'], detectors, new Set([2, 3])), '');
  const { summary } = report;
  out.push(
    `${plural(report.findings.length, 'finding')} (${summary.pii} PII, ${summary.secrets} secret${summary.secrets === 1 ? '' : 's'})` +
      `${report.baselined > 0 ? `; ${report.baselined} accepted by the baseline` : ''}` +
      `${report.allowed?.length ? `; ${report.allowed.length} allowed (listed below)` : ''}`,
    `${plural(summary.files, 'file')}, ${formatBytes(summary.bytes)} scanned by ${report.tool.name} ${report.tool.version} (rules ${report.tool.rulesSha256.slice(0, 12)})`,
  );
  const notScanned = notScannedCounts(report);
  if (notScanned.length > 0) out.push(`not scanned: ${notScanned.join(', ')}`);
  for (const skipped of report.files.filter((f) => f.skipped !== undefined)) out.push(`skipped ${skipped.file}: ${skipped.skipped}`);
  for (const a of report.allowed ?? []) {
    out.push(`allowed ${a.file}:${a.line}:${a.column} ${a.detector} ${a.fingerprint.slice(0, 12)} (${a.via === 'inline' ? 'donegate:allow' : a.source ?? a.via}${a.by ? `, by ${a.by}` : ''}): ${a.reason ?? 'no reason given'}`);
  }
  for (const rules of report.customRules ?? []) out.push(`custom rules: ${plural(rules.rules, 'rule')} from ${rules.source} (sha256 ${rules.sha256.slice(0, 12)})`);
  for (const warning of report.warnings ?? []) out.push(`warning: ${warning}`);
  return `${out.join('\n')}\n`;
}
