import { detectFormatOfValue } from './detect-format-of-value.js';
import type { ParsedReport } from './finding.js';
import { parseCycloneDxVex } from './parsers/cyclonedx-vex.js';
import { parseGrype } from './parsers/grype.js';
import { parseNpmAudit } from './parsers/npm-audit.js';
import { parseOpenVex } from './parsers/openvex.js';
import { parseOsvScanner } from './parsers/osv-scanner.js';
import { parsePipAudit } from './parsers/pip-audit.js';
import { parseSarif } from './parsers/sarif.js';
import { parseSnyk } from './parsers/snyk.js';
import { parseTrivy } from './parsers/trivy.js';
import { readReportJson } from './read-report-json.js';
import { InvalidReportError, UnrecognisedReportError } from './report-errors.js';
import { FORMAT_LABELS, type ReportFormat } from './report-format.js';
import type { VexDocument } from './vex-document.js';

export type EvidenceReport = { kind: 'report'; report: ParsedReport } | { kind: 'vex'; vex: VexDocument };

export interface ParseEvidenceReportOptions {
  /** Skip detection and read as this format (the uploader said so). Malformed → InvalidReportError. */
  format?: ReportFormat;
}

/** Satisfies-checked so adding a format without a parser does not compile. */
const PARSERS = {
  'npm-audit': (value) => ({ kind: 'report', report: parseNpmAudit(value) }),
  'osv-scanner': (value) => ({ kind: 'report', report: parseOsvScanner(value) }),
  sarif: (value) => ({ kind: 'report', report: parseSarif(value) }),
  grype: (value) => ({ kind: 'report', report: parseGrype(value) }),
  trivy: (value) => ({ kind: 'report', report: parseTrivy(value) }),
  'pip-audit': (value) => ({ kind: 'report', report: parsePipAudit(value) }),
  snyk: (value) => ({ kind: 'report', report: parseSnyk(value) }),
  'cyclonedx-vex': (value) => ({ kind: 'vex', vex: parseCycloneDxVex(value) }),
  openvex: (value) => ({ kind: 'vex', vex: parseOpenVex(value) }),
} satisfies Record<ReportFormat, (value: unknown) => EvidenceReport>;

function describe(value: unknown): string {
  if (value === null) return 'the JSON is null';
  if (Array.isArray(value)) return value.length === 0 ? 'the JSON is an empty array' : 'the JSON array matches no known report shape';
  if (typeof value !== 'object') return `the JSON is a bare ${typeof value}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'the JSON is an empty object';
  const shown = keys.slice(0, 6).map((name) => JSON.stringify(name)).join(', ');
  return `no known report has top-level keys ${shown}${keys.length > 6 ? ', …' : ''}`;
}

/**
 * Read an uploaded vulnerability report or VEX document, recognising the format from its content.
 *
 * @example
 * const parsed = parseEvidenceReport(await readFile('trivy.sarif'));
 * if (parsed.kind === 'report') console.log(parsed.report.counts.critical);
 * @throws UnrecognisedReportError when the bytes are no format we read
 * @throws InvalidReportError when the format is known but the document is malformed
 */
export function parseEvidenceReport(bytes: Buffer | string, options: ParseEvidenceReportOptions = {}): EvidenceReport {
  const json = readReportJson(bytes);
  if (!json.ok) {
    if (options.format) throw new InvalidReportError(FORMAT_LABELS[options.format], json.reason);
    throw new UnrecognisedReportError(json.reason);
  }
  const format = options.format ?? detectFormatOfValue(json.value);
  if (!format) throw new UnrecognisedReportError(describe(json.value));
  try {
    return PARSERS[format](json.value);
  } catch (error) {
    if (error instanceof InvalidReportError || error instanceof UnrecognisedReportError) throw error;
    // Parsers validate before reading, so this is a bug of ours; still answer as a refusal, never a TypeError.
    const detail = error instanceof Error ? error.message : String(error);
    throw new InvalidReportError(FORMAT_LABELS[format], `could not be read (${detail})`);
  }
}
