/** `donegate scan` output: report writers (text, JSON, SARIF), the baseline file, and reading reports back. */
export { applyBaseline } from './apply-baseline.js';
export { applyCustomRules } from './apply-custom-rules.js';
export { applyIgnoreFile } from './apply-ignore-file.js';
export { BaselineError, REASON_PLACEHOLDER, parseBaseline, readBaseline, serialiseBaseline, type BaselineEntry } from './baseline-file.js';
export { formatJsonReport } from './format-json-report.js';
export { SARIF_FINGERPRINT_KEY, SARIF_SCHEMA, formatSarifReport, sarifLevel } from './format-sarif-report.js';
export { SCAN_OUTPUT_FORMATS, formatScanReport, isScanOutputFormat, type ScanOutputFormat } from './format-scan-report.js';
export { formatTextReport } from './format-text-report.js';
export { reportOfKind } from './report-of-kind.js';
export { looksLikeScanReport, scanReportSchema } from './scan-report-schema.js';
export { summariseFindings, withFindings } from './summarise-findings.js';
