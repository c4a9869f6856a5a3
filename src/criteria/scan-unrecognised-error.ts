import { UnrecognisedReportError } from '../evidence/reports/index.js';
import { SCAN_FORMAT_LABELS, type ScanEvidenceFormat } from './scan-evidence.js';

/**
 * An upload pii-scan or secret-scan cannot read. Still an UnrecognisedReportError (422 at the API), but
 * the message names the formats this criterion accepts rather than the vulnerability-report ones.
 */
export class UnrecognisedScanReportError extends UnrecognisedReportError {
  constructor(criterion: string, reason: string, accepted: readonly ScanEvidenceFormat[]) {
    super(reason);
    this.message = `Unrecognised report: ${reason}. ${criterion} accepts: ${accepted.map((format) => SCAN_FORMAT_LABELS[format]).join('; ')}.`;
  }
}
