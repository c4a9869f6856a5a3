import { z } from 'zod';
import { artifactPolicySchema } from '../artifacts/artifact-policy.js';

/** pii-scan's and secret-scan's options. */
export const scanOptionsSchema = z
  .object({
    maxAgeDays: z.number().int().positive().optional(),
    /**
     * `required`: a dataset manifest must be submitted and covered; `if-declared`: only when one is.
     * secret-scan takes it too, though gitleaks reports list no file hashes, so they cannot cover declared files.
     */
    datasets: z.enum(['if-declared', 'required']).default('if-declared'),
    /**
     * Findings the repository allowed (`donegate:allow` comments, `.donegateignore`): `accept` lets them
     * through, counted in the reason; `block` counts them as open, so only an approver's waiver lets them by.
     */
    allowed: z.enum(['accept', 'block']).default('accept'),
    /**
     * sha256 of custom rules configs (gitleaks TOML) the scan must have run, as `donegate scan --config`
     * reports them: the security team's rules, pinned here, rather than whatever config the repository has.
     */
    customRules: z.array(z.string().regex(/^[0-9a-f]{64}$/i, 'a custom rules sha256 is 64 hex digits, as `donegate scan --config` reports it')).max(20).optional(),
  })
  .strict();

/** dependency-audit's options. */
export const dependencyAuditOptionsSchema = z
  .object({
    failOn: z.enum(['critical', 'high', 'moderate', 'low']).default('high'),
    maxAgeDays: z.number().int().positive().default(30),
    /**
     * Findings whose tool gives no severity (pip-audit never does): `fail` counts them as blocking,
     * because nothing shows they are below the threshold; `ignore` lets them through.
     */
    unknownSeverity: z.enum(['fail', 'ignore']).default('fail'),
  })
  .strict();

/**
 * The one list of criteria: each id and its options schema, in the registry's order, without what the
 * criterion evaluates or parses (the report parsers, the scan readers). `donegate policy check` validates a
 * policy against it, so it starts without them; the registry (`registry.ts`) is keyed by these ids, so a
 * criterion listed here without an implementation there does not compile.
 */
export const CRITERION_SCHEMAS = {
  'pii-scan': scanOptionsSchema,
  'dependency-audit': dependencyAuditOptionsSchema,
  'encrypted-artifact': artifactPolicySchema,
  'secret-scan': scanOptionsSchema,
} as const satisfies Record<string, z.ZodType>;

export type CriterionId = keyof typeof CRITERION_SCHEMAS;

/** The list above as the policy loader reads it: id → `{ optionsSchema }`. */
export const CRITERION_OPTIONS: ReadonlyMap<string, { optionsSchema: z.ZodType }> = new Map(
  Object.entries(CRITERION_SCHEMAS).map(([id, optionsSchema]) => [id, { optionsSchema }]),
);
