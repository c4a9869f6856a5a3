import type { ReportFormat } from './report-format.js';
import { SEVERITIES, severityRank, type Severity } from './severity.js';

export type { Severity } from './severity.js';
export type { ReportFormat } from './report-format.js';

export interface FindingPackage {
  name: string;
  version?: string;
  /** The tool's word for the ecosystem: npm, PyPI, Go, alpine, deb, … */
  ecosystem?: string;
}

export interface Suppression {
  /** `report`: the tool itself marked it (SARIF suppressions, Trivy/Grype ignore rules, uncalled code). */
  by: 'report' | 'vex';
  justification?: string;
}

/** One vulnerability in one package (or one SARIF result), whatever tool reported it. */
export interface Finding {
  /** Advisory id: GHSA-…, CVE-…, an OSV id, or a SARIF rule id when nothing better is known. */
  id: string;
  /** Other ids for the same advisory; VEX statements match on these too. */
  aliases: string[];
  package?: FindingPackage;
  fixedVersion?: string;
  severity: Severity;
  title?: string;
  url?: string;
  source: ReportFormat;
  suppressed?: Suppression;
}

export interface ParsedReport {
  format: ReportFormat;
  tool: { name: string; version?: string };
  findings: Finding[];
  /** Unsuppressed findings per severity. */
  counts: Record<Severity, number>;
  /** Worst unsuppressed severity, or `none` when nothing is left. */
  highest: Severity | 'none';
  suppressedCount: number;
  generatedAt?: string;
  /** Things a reader should know: skipped packages, ignored results, fields we could not use. */
  notes: string[];
}

export function emptyCounts(): Record<Severity, number> {
  return { critical: 0, high: 0, moderate: 0, low: 0, info: 0, unknown: 0 };
}

/** Counts, highest and suppressedCount are always derived here so they cannot drift from `findings`. */
export function buildReport(parts: Omit<ParsedReport, 'counts' | 'highest' | 'suppressedCount'>): ParsedReport {
  const counts = emptyCounts();
  let suppressedCount = 0;
  for (const finding of parts.findings) {
    if (finding.suppressed) suppressedCount += 1;
    else counts[finding.severity] += 1;
  }
  let highest: Severity | 'none' = 'none';
  for (const severity of SEVERITIES) {
    if (counts[severity] > 0 && (highest === 'none' || severityRank(severity) > severityRank(highest))) {
      highest = severity;
    }
  }
  return { ...parts, counts, highest, suppressedCount };
}
