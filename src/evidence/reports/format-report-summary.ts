import type { Finding, ParsedReport } from './finding.js';
import { SEVERITIES, severityRank } from './severity.js';

export interface ReportSummary {
  /** "npm audit: 1 critical, 2 high (3 findings; 1 suppressed by VEX)" */
  headline: string;
  /** Worst unsuppressed findings first: "GHSA-xxxx lodash 4.17.20 → fixed in 4.17.21 (high)" */
  worst: string[];
  /** Unsuppressed findings not listed in `worst`. */
  more: number;
}

export function describeFinding(finding: Finding): string {
  const parts = [finding.id];
  if (finding.package) parts.push(finding.package.version ? `${finding.package.name} ${finding.package.version}` : finding.package.name);
  if (finding.fixedVersion) parts.push(`→ fixed in ${finding.fixedVersion}`);
  return `${parts.join(' ')} (${finding.severity})`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Text for tracker comments and the CLI.
 *
 * @example formatReportSummary(report, { limit: 5 }).headline
 */
export function formatReportSummary(report: ParsedReport, { limit = 5 }: { limit?: number } = {}): ReportSummary {
  const open = report.findings.filter((finding) => !finding.suppressed);
  const bySeverity = SEVERITIES.filter((severity) => report.counts[severity] > 0).map(
    (severity) => `${report.counts[severity]} ${severity === 'unknown' ? 'unknown severity' : severity}`,
  );
  const byVex = report.findings.filter((finding) => finding.suppressed?.by === 'vex').length;
  const byReport = report.suppressedCount - byVex;
  const details = [plural(open.length, 'finding')];
  if (byVex > 0) details.push(`${byVex} suppressed by VEX`);
  if (byReport > 0) details.push(`${byReport} suppressed in the report`);
  const counts = bySeverity.length > 0 ? bySeverity.join(', ') : 'no open findings';
  const headline = `${report.tool.name}: ${counts} (${details.join('; ')})`;

  // Stable sort keeps the tool's own order within a severity.
  const sorted = open
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity) || a.index - b.index);
  const shown = Math.max(0, Math.floor(limit));
  const worst = sorted.slice(0, shown).map(({ finding }) => describeFinding(finding));
  return { headline, worst, more: open.length - worst.length };
}
