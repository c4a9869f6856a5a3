import { z } from 'zod';
import { defineCriterion } from './criterion.js';
import { submitCommand } from './evidence-hint.js';
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
      fix: `store the artifact in a KMS-encrypted bucket and record it: \`${submitCommand(context.ticket, this.id, '--artifact s3://bucket/key --sha256 <hex>')}\``,
    });
  },
});
