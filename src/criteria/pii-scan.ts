import type { ReadTicketDescription } from '../trackers/read-ticket-description.js';
import { defineScanCriterion } from './define-scan-criterion.js';
import type { ScanEvidenceDeps } from './scan-parse-evidence.js';
import { datasetsInDescription } from './ticket-datasets.js';

export interface PiiScanDeps extends ScanEvidenceDeps {
  /** Reads the ticket's description for its "Datasets" section; absent, only submitted manifests declare datasets. */
  readTicketDescription?: ReadTicketDescription;
}

/**
 * Data scanned for personal data: the newest scan report has no unwaived PII findings and covers the
 * dataset files the ticket names (its description's "Datasets" section) or a submitted manifest lists.
 */
export function createPiiScan(deps: PiiScanDeps = {}) {
  const { readTicketDescription } = deps;
  return defineScanCriterion(
    {
      spec: { criterion: 'pii-scan', kind: 'pii', formats: ['donegate-scan', 'dataset-manifest'] },
      title: 'Data scanned for personal data (PII)',
      fix: (ticket) => `scan the datasets this ticket uses and submit the report: \`donegate scan data/ --submit --tracker ${ticket.tracker} --ticket ${ticket.key}\``,
      datasetsOnTicket: readTicketDescription && ((ticket) => readTicketDescription(ticket).then(datasetsInDescription)),
    },
    deps,
  );
}

/** pii-scan without a tracker to read descriptions from (policy checks, tests of uploaded evidence). */
export const piiScan = createPiiScan();
