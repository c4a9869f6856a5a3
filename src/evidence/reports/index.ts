/** The vulnerability-report layer: read scanner output and VEX, one findings model, summaries. */
export { applyVex } from './apply-vex.js';
export { detectReportFormat } from './detect-report-format.js';
export { buildReport, emptyCounts, type Finding, type FindingPackage, type ParsedReport, type Suppression } from './finding.js';
export { describeFinding, formatReportSummary, type ReportSummary } from './format-report-summary.js';
export { parseEvidenceReport, type EvidenceReport, type ParseEvidenceReportOptions } from './parse-evidence-report.js';
export { InvalidReportError, UnrecognisedReportError } from './report-errors.js';
export { FORMAT_LABELS, REPORT_FORMATS, acceptedFormatsText, isReportFormat, type ReportFormat, type VexFormat } from './report-format.js';
export { SEVERITIES, atOrAbove, severityFromCvssScore, severityRank, worseOf, type Severity } from './severity.js';
export { VEX_STATUSES, type VexDocument, type VexStatement, type VexStatus } from './vex-document.js';
export { readJsonLines } from './read-report-json.js';
