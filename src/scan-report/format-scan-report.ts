import type { ScanReport } from '../scan/scan-types.js';
import { formatJsonReport } from './format-json-report.js';
import { formatSarifReport } from './format-sarif-report.js';
import { formatTextReport } from './format-text-report.js';
import { SCAN_OUTPUT_FORMATS } from './scan-output-formats.js';

export { SCAN_OUTPUT_FORMATS };
export type ScanOutputFormat = (typeof SCAN_OUTPUT_FORMATS)[number];

export const isScanOutputFormat = (value: string): value is ScanOutputFormat => (SCAN_OUTPUT_FORMATS as readonly string[]).includes(value);

const WRITERS: Record<ScanOutputFormat, (report: ScanReport) => string> = { text: formatTextReport, json: formatJsonReport, sarif: formatSarifReport };

/** The report in the asked format. Every writer prints masked values only: the contract has no raw ones. */
export function formatScanReport(report: ScanReport, format: ScanOutputFormat): string {
  return WRITERS[format](report);
}
