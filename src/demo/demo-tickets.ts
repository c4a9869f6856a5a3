import { createHash } from 'node:crypto';

/** The bytes of the model file the demo tickets ship. */
export const DEMO_MODEL = Buffer.from('demo churn model weights\n'.repeat(64));

/** Where that file lives: SSE-KMS under a customer-managed key, in a bucket that blocks public access. */
export const DEMO_ARTIFACT = {
  bucket: 'acme-ml-models',
  key: 'churn/2026-q3/model.safetensors',
  uri: 's3://acme-ml-models/churn/2026-q3/model.safetensors',
  sha256: createHash('sha256').update(DEMO_MODEL).digest('hex'),
};
