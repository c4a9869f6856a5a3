import { acceptedFormatsText } from './report-format.js';

/**
 * The bytes are not any report format we read. The message names every accepted format so the uploader
 * knows what to send instead (HTTP 422 at the upload API).
 */
export class UnrecognisedReportError extends Error {
  override readonly name = 'UnrecognisedReportError';
  readonly code = 'DONEGATE_REPORT_UNRECOGNISED';

  constructor(reason: string) {
    super(`Unrecognised report: ${reason}. donegate accepts: ${acceptedFormatsText()}.`);
  }
}

/**
 * The format was recognised (or named by the caller) but the document is malformed. `where` is a path
 * into the document such as `runs[0].results[3].ruleId` (HTTP 422 at the upload API).
 */
export class InvalidReportError extends Error {
  override readonly name = 'InvalidReportError';
  readonly code = 'DONEGATE_REPORT_INVALID';

  constructor(
    readonly formatLabel: string,
    readonly problem: string,
    readonly where?: string,
  ) {
    super(`Invalid ${formatLabel}: ${problem}${where ? ` (at ${where})` : ''}.`);
  }
}
