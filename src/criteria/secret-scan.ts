import { z } from 'zod';
import { defineCriterion } from './criterion.js';
import { submitCommand } from './evidence-hint.js';
import { judgeScanEvidence } from './scan-judge.js';
import { processFingerprintKey } from '../scan/fingerprint.js';
import { parseScanEvidence, type ScanCriterionSpec, type ScanEvidenceDeps } from './scan-parse-evidence.js';

const options = z
  .object({
    maxAgeDays: z.number().int().positive().optional(),
    /** As for pii-scan: gitleaks reports list no file hashes, so they cannot cover declared files. */
    datasets: z.enum(['if-declared', 'required']).default('if-declared'),
  })
  .strict();

const SPEC: ScanCriterionSpec = { criterion: 'secret-scan', kind: 'secret', formats: ['donegate-scan', 'gitleaks-json', 'gitleaks-sarif', 'trufflehog-json', 'dataset-manifest'] };

/** Code and notebooks scanned for secrets; `deps.fingerprintKey` keys the fingerprints of gitleaks and TruffleHog findings. */
export function createSecretScan(deps: ScanEvidenceDeps = {}) {
  const fingerprintKey = deps.fingerprintKey ?? processFingerprintKey();
  return defineCriterion<z.infer<typeof options>>({
    id: 'secret-scan',
    title: 'Code and notebooks scanned for hardcoded secrets',
    optionsSchema: options,
    evaluate(context, opts) {
      const fix = `scan the code and notebooks and submit the report: \`donegate scan . --submit --tracker ${context.ticket.tracker} --ticket ${context.ticket.key}\` (or gitleaks: \`${submitCommand(context.ticket, this.id, 'gitleaks.json')}\`)`;
      return judgeScanEvidence(context, opts, { ...SPEC, fix, fingerprintKey });
    },
    parseEvidence(bytes, format) {
      return parseScanEvidence(bytes, format, SPEC, fingerprintKey);
    },
  });
}

/** secret-scan with this process's own fingerprint key (policy checks, tests of uploaded evidence). */
export const secretScan = createSecretScan();
