import { z } from 'zod';
import { defineCriterion } from './criterion.js';
import { submitCommand } from './evidence-hint.js';
import { judgeLatestEvidence } from './judge-latest-evidence.js';

const options = z.object({ maxAgeDays: z.number().int().positive().optional() }).strict();

export const secretScan = defineCriterion<z.infer<typeof options>>({
  id: 'secret-scan',
  title: 'Code and notebooks scanned for hardcoded secrets',
  optionsSchema: options,
  evaluate(context, { maxAgeDays }) {
    return judgeLatestEvidence(context, {
      criterion: this.id,
      ...(maxAgeDays !== undefined ? { maxAgeDays } : {}),
      fix: `run a secret scan (e.g. \`gitleaks detect --report-format json --report-path secrets.json\`), then \`${submitCommand(context.ticket, this.id, 'secrets.json')}\``,
    });
  },
});
