import type { z } from 'zod';
import type { Ticket } from '../domain/index.js';
import { processFingerprintKey } from '../scan/fingerprint.js';
import { defineCriterion, type Criterion } from './criterion.js';
import { scanOptionsSchema as scanOptions } from './criterion-options.js';
import { judgeScanEvidence } from './scan-judge.js';
import { parseScanEvidence, type ScanCriterionSpec, type ScanEvidenceDeps } from './scan-parse-evidence.js';
import type { DatasetFile } from './scan-evidence.js';

export interface ScanCriterionDefinition {
  spec: ScanCriterionSpec;
  title: string;
  /** What to run for this ticket to satisfy the criterion. */
  fix(ticket: Ticket): string;
  /** The dataset files the ticket itself names; absent, only submitted manifests declare datasets (and evaluation stays synchronous). */
  datasetsOnTicket?: ((ticket: Ticket) => Promise<readonly DatasetFile[]>) | undefined;
}

/** pii-scan and secret-scan: the newest scan report of the criterion's kind decides, read in the formats the spec lists. */
export function defineScanCriterion(definition: ScanCriterionDefinition, deps: ScanEvidenceDeps = {}): Criterion {
  const { spec, title, datasetsOnTicket } = definition;
  const fingerprintKey = deps.fingerprintKey ?? processFingerprintKey();
  return defineCriterion<z.infer<typeof scanOptions>>({
    id: spec.criterion,
    title,
    optionsSchema: scanOptions,
    evaluate(context, opts) {
      const judge = (datasets: readonly DatasetFile[] = []) => judgeScanEvidence(context, opts, { ...spec, fix: definition.fix(context.ticket), fingerprintKey }, datasets);
      return datasetsOnTicket ? datasetsOnTicket(context.ticket).then(judge) : judge();
    },
    parseEvidence(bytes, format) {
      return parseScanEvidence(bytes, format, spec, fingerprintKey);
    },
  });
}
