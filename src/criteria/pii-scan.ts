import { z } from 'zod';
import { defineCriterion } from './criterion.js';
import { submitCommand } from './evidence-hint.js';
import { judgeLatestEvidence } from './judge-latest-evidence.js';

const options = z.object({ maxAgeDays: z.number().int().positive().optional() }).strict();

export const piiScan = defineCriterion<z.infer<typeof options>>({
  id: 'pii-scan',
  title: 'Data scanned for personal data (PII)',
  optionsSchema: options,
  evaluate(context, { maxAgeDays }) {
    return judgeLatestEvidence(context, {
      criterion: this.id,
      ...(maxAgeDays !== undefined ? { maxAgeDays } : {}),
      fix: `scan the datasets this ticket uses and attach the report: \`${submitCommand(context.ticket, this.id, 'pii-report.json')}\``,
    });
  },
});
