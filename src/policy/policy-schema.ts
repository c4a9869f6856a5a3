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

/**
 * An account that may vouch for a report by attaching it: `jira:<accountId>`, `linear:<userId>`, or a bare
 * id (Jira accountIds and Linear UUIDs never collide, so a bare id is unambiguous).
 */
const attachingAccount = z
  .string()
  .trim()
  .min(1)
  .max(140)
  .regex(/^\S+$/, 'an account id has no spaces: jira:<accountId>, linear:<userId>, or the bare id');

/**
 * What counts as evidence besides uploads with a token. Installation-wide on purpose: who may vouch for
 * a report is a trust decision about people, not about a kind of ticket, so a rule cannot widen it.
 */
const evidenceSchema = z
  .object({
    /** Reports attached to a ticket count only when attached by one of these accounts. Default: no one. */
    attachments: z.object({ from: z.array(attachingAccount).default([]) }).strict().default({ from: [] }),
  })
  .strict();

/** The policy file as written. Unknown keys are errors: a misspelt key must not quietly weaken the gate. */
export const policyFileSchema = z
  .object({
    version: z.literal(1),
    waivers: waiversSchema.default({ maxDays: 90, approvers: { jira: [], linear: [] } }),
    evidence: evidenceSchema.default({ attachments: { from: [] } }),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export type PolicyFile = z.infer<typeof policyFileSchema>;
export type RuleMatch = z.infer<typeof matchSchema>;
export type WaiverPolicy = z.infer<typeof waiversSchema>;
export type EvidencePolicy = z.infer<typeof evidenceSchema>;

/**
 * `from: ci` in a requirement's options (`- dependency-audit: { failOn: high, from: ci }`): only evidence
 * uploaded with a `ci` token counts for that criterion. Read by the policy loader, never by the criterion.
 */
export const requirementFromSchema = z.enum(['ci'], { message: 'from takes one value: ci (only evidence uploaded with a ci token counts)' });
export type RequirementFrom = z.infer<typeof requirementFromSchema>;
