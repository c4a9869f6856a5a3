import { z } from 'zod';
import { defineCriterion } from './criterion.js';
import { submitCommand } from './evidence-hint.js';
import { judgeScanEvidence } from './scan-judge.js';
import { parseScanEvidence, type ScanCriterionSpec } from './scan-parse-evidence.js';

const options = z
  .object({
    maxAgeDays: z.number().int().positive().optional(),
    /** As for pii-scan: gitleaks reports list no file hashes, so they cannot cover declared files. */
    datasets: z.enum(['if-declared', 'required']).default('if-declared'),
  })
  .strict();

const SPEC: ScanCriterionSpec = { criterion: 'secret-scan', kind: 'secret', formats: ['donegate-scan', 'gitleaks-json', 'gitleaks-sarif', 'trufflehog-json', 'dataset-manifest'] };

export const secretScan = defineCriterion<z.infer<typeof options>>({
  id: 'secret-scan',
  title: 'Code and notebooks scanned for hardcoded secrets',
  optionsSchema: options,
  evaluate(context, opts) {
    const fix = `scan the code and notebooks and submit the report: \`donegate scan . --submit --tracker ${context.ticket.tracker} --ticket ${context.ticket.key}\` (or gitleaks: \`${submitCommand(context.ticket, this.id, 'gitleaks.json')}\`)`;
    return judgeScanEvidence(context, opts, { ...SPEC, fix });
  },
  parseEvidence(bytes, format) {
    return parseScanEvidence(bytes, format, SPEC);
  },
});
