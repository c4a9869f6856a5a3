import { z } from 'zod';
import { KMS_KEY_FORMS, parseKmsKeyEntry } from './kms-key-entry.js';

const kmsKey = z
  .string()
  .trim()
  .min(1)
  .refine((key) => parseKmsKeyEntry(key) !== undefined, { message: `not a KMS key: use ${KMS_KEY_FORMS}` });

/** The `encrypted-artifact` options, shared by the criterion and `donegate check artifact`. */
export const artifactPolicySchema = z
  .object({
    /** `aws:kms` also accepts `aws:kms:dsse` (and GCS CMEK); `any` accepts provider-managed and customer-supplied keys too. */
    encryption: z.enum(['aws:kms', 'aws:kms:dsse', 'any']).default('aws:kms'),
    /**
     * Allowed KMS keys: key ARNs, key ids, aliases and alias ARNs (resolved with kms:DescribeKey), or
     * GCS key names; empty means any customer-managed key.
     */
    kmsKeys: z.array(kmsKey).default([]),
    /** Default: required whenever the artifact declares a sha256. */
    requireChecksum: z.boolean().optional(),
    /** Objects without a stored full-object sha256 are hashed up to this size; default ARTIFACT_HASH_MAX_BYTES. */
    hashMaxBytes: z.number().int().positive().optional(),
  })
  .strict();

export type ArtifactPolicy = z.infer<typeof artifactPolicySchema>;
