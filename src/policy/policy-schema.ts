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

/** Who may accept a risk, and for how long at most. */
const waiversSchema = z
  .object({
    maxDays: z.number().int().min(1).max(365).default(90),
    /** Tracker accounts whose `/donegate waive` comments create waivers (Jira accountIds, Linear user ids). */
    approvers: z
      .object({ jira: z.array(z.string().trim().min(1)).default([]), linear: z.array(z.string().trim().min(1)).default([]) })
      .strict()
      .default({ jira: [], linear: [] }),
  })
  .strict();

/** The policy file as written. Unknown keys are errors: a misspelt key must not quietly weaken the gate. */
export const policyFileSchema = z
  .object({
    version: z.literal(1),
    waivers: waiversSchema.default({ maxDays: 90, approvers: { jira: [], linear: [] } }),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export type PolicyFile = z.infer<typeof policyFileSchema>;
export type RuleMatch = z.infer<typeof matchSchema>;
export type WaiverPolicy = z.infer<typeof waiversSchema>;
