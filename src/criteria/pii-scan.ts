import { z } from 'zod';
import { defineCriterion } from './criterion.js';
import { judgeScanEvidence } from './scan-judge.js';
import { parseScanEvidence, type ScanCriterionSpec } from './scan-parse-evidence.js';

const options = z
  .object({
    maxAgeDays: z.number().int().positive().optional(),
    /** `required`: a dataset manifest must be submitted and covered; `if-declared`: only when one is. */
    datasets: z.enum(['if-declared', 'required']).default('if-declared'),
  })
  .strict();

const SPEC: ScanCriterionSpec = { criterion: 'pii-scan', kind: 'pii', formats: ['donegate-scan', 'dataset-manifest'] };

export const piiScan = defineCriterion<z.infer<typeof options>>({
  id: 'pii-scan',
  title: 'Data scanned for personal data (PII)',
  optionsSchema: options,
  evaluate(context, opts) {
    const fix = `scan the datasets this ticket uses and submit the report: \`donegate scan data/ --submit --tracker ${context.ticket.tracker} --ticket ${context.ticket.key}\``;
    return judgeScanEvidence(context, opts, { ...SPEC, fix });
  },
  parseEvidence(bytes, format) {
    return parseScanEvidence(bytes, format, SPEC);
  },
});
