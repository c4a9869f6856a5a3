import type { ArtifactPolicy } from './artifact-policy.js';
import type { StoredEncryption } from './stored-artifact.js';

const KMS_LABEL = { 'aws:kms': 'SSE-KMS', 'aws:kms:dsse': 'DSSE-KMS', 'gcs-cmek': 'CMEK' } as const;

/** `SSE-KMS with arn:aws:kms:…:key/…`, `SSE-S3 (AES256)`, `no encryption`. */
export function describeEncryption(encryption: StoredEncryption): string {
  switch (encryption.kind) {
    case 'none':
      return 'no encryption';
    case 'provider-managed':
    case 'customer-supplied':
      return encryption.label;
    case 'kms':
      return `${KMS_LABEL[encryption.algorithm]} with ${encryption.keyId}${encryption.bucketKey ? ' (bucket key)' : ''}`;
  }
}

/**
 * `arn:aws:kms:eu-west-1:1234:key/abcd` is listed as itself or as `abcd`; a GCS key as its name without
 * the version. Aliases are not looked at here: only KMS knows what they point to.
 */
export function keyIsListed(keyId: string, allowed: readonly string[]): boolean {
  const bare = keyId.replace(/\/cryptoKeyVersions\/[^/]+$/, '');
  const shortId = /:key\/([^/]+)$/.exec(bare)?.[1];
  return allowed.some((entry) => entry === bare || entry === keyId || (shortId !== undefined && entry === shortId));
}

/**
 * Why the object's encryption does not meet the policy, leaving aside which KMS key it uses (see
 * kms-key-allowed.ts, which may have to ask KMS); undefined when it does.
 */
export function encryptionProblem(encryption: StoredEncryption, policy: Pick<ArtifactPolicy, 'encryption'>): string | undefined {
  const required = policy.encryption === 'aws:kms:dsse' ? 'DSSE-KMS' : 'a customer-managed KMS key';
  switch (encryption.kind) {
    case 'none':
      return 'unencrypted';
    case 'provider-managed':
    case 'customer-supplied':
      return policy.encryption === 'any' ? undefined : `${encryption.label} where ${required} is required`;
    case 'kms':
      if (policy.encryption === 'aws:kms:dsse' && encryption.algorithm !== 'aws:kms:dsse') return `${KMS_LABEL[encryption.algorithm]} where DSSE-KMS is required`;
      return undefined;
  }
}
