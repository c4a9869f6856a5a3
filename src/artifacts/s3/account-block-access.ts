import type { ArtifactConfig } from '../artifact-config.js';
import { storeOutsideAws } from '../store-outside-aws.js';

/** Where donegate reads the account-level Block Public Access (each endpoint unset: AWS), or that it does not. */
export type AccountBlockAccess = { s3ControlEndpoint?: string; stsEndpoint?: string } | 'bucket-level only';

/**
 * AWS S3 has an account level; S3-compatible stores (S3_ENDPOINT outside AWS: MinIO, Ceph, R2) have no
 * S3 Control or STS, and their credentials are not to be sent to AWS, so there a bucket's own block
 * decides, as before. Both S3_CONTROL_ENDPOINT and STS_ENDPOINT set name compatible services for such a
 * store (an emulator of the whole AWS API, such as LocalStack).
 */
export function accountBlockAccessFor(config: Pick<ArtifactConfig, 's3Endpoint' | 's3ControlEndpoint' | 'stsEndpoint'>): AccountBlockAccess {
  const endpoints = { ...(config.s3ControlEndpoint ? { s3ControlEndpoint: config.s3ControlEndpoint } : {}), ...(config.stsEndpoint ? { stsEndpoint: config.stsEndpoint } : {}) };
  if (storeOutsideAws(config.s3Endpoint) === undefined) return endpoints;
  return endpoints.s3ControlEndpoint && endpoints.stsEndpoint ? endpoints : 'bucket-level only';
}
