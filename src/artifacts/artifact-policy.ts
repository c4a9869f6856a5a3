import { z } from 'zod';

/**
 * A KMS key as S3 reports it: the key ARN. Aliases are refused because HeadObject names the key ARN,
 * never the alias, and donegate does not call KMS to resolve one (no kms:DescribeKey permission needed).
 */
const kmsKey = z
  .string()
  .trim()
  .min(1)
  .refine((key) => !/(^alias\/)|(:alias\/)/.test(key), {
    message: 'aliases cannot be matched: S3 reports the key ARN. List the key ARN (aws kms describe-key --key-id alias/… --query KeyMetadata.Arn)',
  });

/** The `encrypted-artifact` options, shared by the criterion and `donegate check artifact`. */
export const artifactPolicySchema = z
  .object({
    /** `aws:kms` also accepts `aws:kms:dsse` (and GCS CMEK); `any` accepts provider-managed and customer-supplied keys too. */
    encryption: z.enum(['aws:kms', 'aws:kms:dsse', 'any']).default('aws:kms'),
    /** Allowed KMS key ARNs (S3), key ids, or GCS key names; empty means any customer-managed key. */
    kmsKeys: z.array(kmsKey).default([]),
    /** Default: required whenever the artifact declares a sha256. */
    requireChecksum: z.boolean().optional(),
    /** Objects without a stored full-object sha256 are hashed up to this size; default ARTIFACT_HASH_MAX_BYTES. */
    hashMaxBytes: z.number().int().positive().optional(),
  })
  .strict();

export type ArtifactPolicy = z.infer<typeof artifactPolicySchema>;
