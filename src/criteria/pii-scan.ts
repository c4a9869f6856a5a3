import { z } from 'zod';
import type { ReadTicketDescription } from '../trackers/read-ticket-description.js';
import { defineCriterion } from './criterion.js';
import { judgeScanEvidence } from './scan-judge.js';
import { processFingerprintKey } from '../scan/fingerprint.js';
import { parseScanEvidence, type ScanCriterionSpec, type ScanEvidenceDeps } from './scan-parse-evidence.js';
import { datasetsInDescription } from './ticket-datasets.js';

const options = z
  .object({
    maxAgeDays: z.number().int().positive().optional(),
    /** `required`: a dataset manifest must be submitted and covered; `if-declared`: only when one is. */
    datasets: z.enum(['if-declared', 'required']).default('if-declared'),
  })
  .strict();

const SPEC: ScanCriterionSpec = { criterion: 'pii-scan', kind: 'pii', formats: ['donegate-scan', 'dataset-manifest'] };

export interface PiiScanDeps extends ScanEvidenceDeps {
  /** Reads the ticket's description for its "Datasets" section; absent, only submitted manifests declare datasets. */
  readTicketDescription?: ReadTicketDescription;
}

/**
 * Data scanned for personal data: the newest scan report has no unwaived PII findings and covers the
 * dataset files the ticket names (its description's "Datasets" section) or a submitted manifest lists.
 */
export function createPiiScan(deps: PiiScanDeps = {}) {
  const fingerprintKey = deps.fingerprintKey ?? processFingerprintKey();
  return defineCriterion<z.infer<typeof options>>({
    id: 'pii-scan',
    title: 'Data scanned for personal data (PII)',
    optionsSchema: options,
    evaluate(context, opts) {
      const fix = `scan the datasets this ticket uses and submit the report: \`donegate scan data/ --submit --tracker ${context.ticket.tracker} --ticket ${context.ticket.key}\``;
      const judge = (description: string) => judgeScanEvidence(context, opts, { ...SPEC, fix, fingerprintKey }, datasetsInDescription(description));
      // Synchronous when there is no description to read, as uploaded evidence alone decides then.
      return deps.readTicketDescription ? deps.readTicketDescription(context.ticket).then(judge) : judge('');
    },
    parseEvidence(bytes, format) {
      return parseScanEvidence(bytes, format, SPEC, fingerprintKey);
    },
  });
}

/** pii-scan without a tracker to read descriptions from (policy checks, tests of uploaded evidence). */
export const piiScan = createPiiScan();
