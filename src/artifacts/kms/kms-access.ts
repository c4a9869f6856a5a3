import type { ArtifactConfig } from '../../config/env.js';

/** Where donegate asks KMS about aliases, or why it does not. */
export type KmsAccess = { endpoint?: string } | { unavailable: string; fix: string };

// S3 through a VPC endpoint, FIPS or dual-stack host is still AWS: its keys are AWS KMS keys.
const AWS_HOST = /(^|\.)amazonaws\.com(\.cn)?$/;

/**
 * KMS_ENDPOINT when set. Otherwise AWS KMS, except when S3_ENDPOINT names a store outside AWS (MinIO,
 * Ceph, R2): its key ids are the store's own, AWS KMS cannot resolve them, and the store's credentials
 * are not to be sent to AWS. Aliases then need KMS_ENDPOINT.
 */
export function kmsAccessFor(config: Pick<ArtifactConfig, 's3Endpoint' | 'kmsEndpoint'>): KmsAccess {
  if (config.kmsEndpoint) return { endpoint: config.kmsEndpoint };
  if (!config.s3Endpoint) return {};
  const host = new URL(config.s3Endpoint).hostname;
  if (AWS_HOST.test(host)) return {};
  return {
    unavailable: `S3_ENDPOINT points at a store outside AWS (${host}) and KMS_ENDPOINT is not set, so donegate does not ask AWS KMS`,
    fix: "set KMS_ENDPOINT to the store's KMS-compatible endpoint, or list the key ARN or key id in kmsKeys instead of the alias",
  };
}
