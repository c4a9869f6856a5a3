import type { ArtifactConfig } from '../artifact-config.js';
import { storeOutsideAws } from '../store-outside-aws.js';

/** Where donegate asks KMS about aliases, or why it does not. */
export type KmsAccess = { endpoint?: string } | { unavailable: string; fix: string };

/**
 * KMS_ENDPOINT when set. Otherwise AWS KMS, except when S3_ENDPOINT names a store outside AWS (MinIO,
 * Ceph, R2): its key ids are the store's own, AWS KMS cannot resolve them, and the store's credentials
 * are not to be sent to AWS. Aliases then need KMS_ENDPOINT.
 */
export function kmsAccessFor(config: Pick<ArtifactConfig, 's3Endpoint' | 'kmsEndpoint'>): KmsAccess {
  if (config.kmsEndpoint) return { endpoint: config.kmsEndpoint };
  const host = storeOutsideAws(config.s3Endpoint);
  if (host === undefined) return {};
  return {
    unavailable: `S3_ENDPOINT points at a store outside AWS (${host}) and KMS_ENDPOINT is not set, so donegate does not ask AWS KMS`,
    fix: "set KMS_ENDPOINT to the store's KMS-compatible endpoint, or list the key ARN or key id in kmsKeys instead of the alias",
  };
}
