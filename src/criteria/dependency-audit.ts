import { z } from 'zod';
import { defineCriterion } from './criterion.js';
import { submitCommand } from './evidence-hint.js';
import { judgeLatestEvidence } from './judge-latest-evidence.js';

const options = z
  .object({
    failOn: z.enum(['critical', 'high', 'moderate', 'low']).default('high'),
    maxAgeDays: z.number().int().positive().default(30),
  })
  .strict();

export const dependencyAudit = defineCriterion<z.infer<typeof options>>({
  id: 'dependency-audit',
  title: 'Open-source dependencies checked for known vulnerabilities',
  optionsSchema: options,
  evaluate(context, { maxAgeDays }) {
    return judgeLatestEvidence(context, {
      criterion: this.id,
      maxAgeDays,
      fix: `run \`npm audit --json > audit.json\` (or OSV-Scanner, Trivy, Grype, pip-audit) in CI, then \`${submitCommand(context.ticket, this.id, 'audit.json')}\``,
    });
  },
});
