import { z } from 'zod';

const keyList = z.array(z.string().trim().min(1)).min(1);

const matchSchema = z
  .object({
    jira: z.object({ projects: keyList }).strict().optional(),
    linear: z.object({ teams: keyList }).strict().optional(),
    labels: keyList.optional(),
    issueTypes: keyList.optional(),
  })
  .strict();

/** `- pii-scan` or `- dependency-audit: { failOn: high }`: options are checked against the criterion later. */
const requirementSchema = z.union([
  z.string().trim().min(1),
  z.record(z.string(), z.unknown()).refine((entry) => Object.keys(entry).length === 1, {
    message: 'a requirement is a criterion id, or a map with exactly one criterion id and its options',
  }),
]);

const ruleSchema = z
  .object({
    name: z.string().trim().min(1),
    match: matchSchema,
    mode: z.enum(['block', 'warn']).default('block'),
    require: z.array(requirementSchema).min(1),
  })
  .strict();

/** The policy file as written. Unknown keys are errors: a misspelt key must not quietly weaken the gate. */
export const policyFileSchema = z
  .object({
    version: z.literal(1),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export type PolicyFile = z.infer<typeof policyFileSchema>;
export type RuleMatch = z.infer<typeof matchSchema>;
