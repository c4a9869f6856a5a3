import { S3Client } from '@aws-sdk/client-s3';
import { Storage } from '@google-cloud/storage';
import type { ArtifactConfig } from '../config/env.js';
import { createGcsArtifactStore } from './gcs/gcs-artifact-store.js';
import type { HashProgress } from './hash-stream.js';
import { createS3ArtifactStore } from './s3/s3-artifact-store.js';
import { createArtifactVerifier, type VerifyArtifact } from './verify-artifact.js';

/** The S3 client donegate checks with: the standard AWS credential chain, and the endpoint override if any. */
export function createS3Client(config: ArtifactConfig): S3Client {
  return new S3Client({
    // A custom endpoint (MinIO, Ceph, R2) still needs a region to sign with; us-east-1 is what they accept.
    ...(config.awsRegion ? { region: config.awsRegion } : config.s3Endpoint ? { region: 'us-east-1' } : {}),
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
    forcePathStyle: config.s3ForcePathStyle,
    requestHandler: { connectionTimeout: config.timeoutMs, socketTimeout: config.timeoutMs },
  });
}

/**
 * Google Cloud Storage with Application Default Credentials. With GCS_API_ENDPOINT set (an emulator such
 * as fake-gcs-server), the client sends no credentials, as @google-cloud/storage does for custom endpoints.
 */
export function createGcsStorage(config: ArtifactConfig): Storage {
  return new Storage({
    ...(config.gcsApiEndpoint ? { apiEndpoint: config.gcsApiEndpoint } : {}),
    timeout: config.timeoutMs,
    retryOptions: { maxRetries: 2 },
  });
}

/** The live artifact verifier for a running donegate or the CLI. */
export function createArtifactVerifierFromConfig(config: ArtifactConfig, onHashProgress?: (uri: string, progress: HashProgress) => void): VerifyArtifact {
  return createArtifactVerifier({
    stores: { s3: createS3ArtifactStore(createS3Client(config)), gs: createGcsArtifactStore(createGcsStorage(config)) },
    hashMaxBytes: config.hashMaxBytes,
    ...(onHashProgress ? { onHashProgress } : {}),
  });
}
