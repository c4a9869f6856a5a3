import { z } from 'zod';
import { defineCriterion } from './criterion.js';
import { judgeLatestEvidence } from './judge-latest-evidence.js';

const options = z
  .object({
    /** `aws:kms` also accepts `aws:kms:dsse`; `any` accepts SSE-S3 (AES256) too. */
    encryption: z.enum(['aws:kms', 'aws:kms:dsse', 'any']).default('aws:kms'),
    /** Allowed KMS key ARNs or aliases; empty means any customer-managed key. */
    kmsKeys: z.array(z.string().min(1)).default([]),
    /** Default: required whenever the artifact declares a sha256. */
    requireChecksum: z.boolean().optional(),
  })
  .strict();

export const encryptedArtifact = defineCriterion<z.infer<typeof options>>({
  id: 'encrypted-artifact',
  title: 'Model and build artifacts stored encrypted, with verified checksums',
  optionsSchema: options,
  evaluate(context) {
    return judgeLatestEvidence(context, {
      criterion: this.id,
      // Live verification of stored artifacts (S3/GCS encryption, checksums) is not built yet, so the only
      // honest way through today is an approver accepting the artifact's storage after checking it.
      fix: `store the artifact in a bucket encrypted with a customer-managed KMS key, then have an approver record it: \`/donegate waive ${this.id} until YYYY-MM-DD: <bucket, key and KMS key checked>\``,
    });
  },
});
