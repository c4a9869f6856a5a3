import type { ScanFinding, ScanReport } from '../scan/scan-types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** `, 10000 rows` after a dataset column's location: the finding stands for that many rows. */
const rowCount = (f: ScanFinding): string => (f.occurrences === undefined ? '' : `, ${plural(f.occurrences, 'row')}`);

/** A table for people: one row per finding (location, detector, confidence, masked value), then a summary. */
export function formatTextReport(report: ScanReport): string {
  const rows = report.findings.map((f) => [`${f.file}:${f.line}:${f.column}${f.location ? ` (${f.location}${rowCount(f)})` : ''}`, f.detector, f.confidence, f.masked]);
  const header = ['LOCATION', 'DETECTOR', 'CONFIDENCE', 'VALUE (MASKED)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const out: string[] = [];
  if (rows.length > 0) out.push(line(header), ...rows.map(line), '');
  const { summary } = report;
  const detectors = Object.entries(summary.byDetector).sort(([, a], [, b]) => b - a).map(([id, n]) => `${id} ${n}`);
  out.push(
    `${plural(report.findings.length, 'finding')} (${summary.pii} PII, ${summary.secrets} secret${summary.secrets === 1 ? '' : 's'})` +
      `${detectors.length > 0 ? `: ${detectors.join(', ')}` : ''}${report.baselined > 0 ? `; ${report.baselined} accepted by the baseline` : ''}`,
    `${plural(summary.files, 'file')}, ${formatBytes(summary.bytes)} scanned by ${report.tool.name} ${report.tool.version} (rules ${report.tool.rulesSha256.slice(0, 12)})`,
  );
  for (const skipped of report.files.filter((f) => f.skipped !== undefined)) out.push(`skipped ${skipped.file}: ${skipped.skipped}`);
  return `${out.join('\n')}\n`;
}
