import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import { Storage } from '@google-cloud/storage';
import type { ArtifactConfig } from './artifact-config.js';
import { createGcsArtifactStore } from './gcs/gcs-artifact-store.js';
import type { HashProgress } from './hash-stream.js';
import { kmsAccessFor } from './kms/kms-access.js';
import { createKmsAliasResolver, unavailableKmsAliasResolver, type ResolveKmsAlias } from './kms/resolve-kms-alias.js';
import { accountBlockAccessFor } from './s3/account-block-access.js';
import { createAccountPublicAccessBlockReader, type AccountPublicAccessBlockReader } from './s3/account-public-access-block.js';
import { createS3ArtifactStore } from './s3/s3-artifact-store.js';
import { createArtifactVerifier, type VerifyArtifact } from './verify-artifact.js';

/** The S3 client donegate checks with: the standard AWS credential chain, and the endpoint override if any. */
export function createS3Client(config: ArtifactConfig): S3Client {
  return new S3Client({
    // A custom endpoint (MinIO, Ceph, R2) still needs a region to sign with; us-east-1 is what they accept.
    ...(config.awsRegion ? { region: config.awsRegion } : config.s3Endpoint ? { region: 'us-east-1' } : {}),
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
    forcePathStyle: config.s3ForcePathStyle,
    // A bucket in another region than AWS_REGION answers 301; the SDK then asks again in the bucket's region.
    followRegionRedirects: true,
    requestHandler: { connectionTimeout: config.timeoutMs, socketTimeout: config.timeoutMs },
  });
}

/**
 * Resolves aliases listed in kmsKeys with DescribeKey: one KMS client per region (the region of the
 * object's key, as aliases are per region), standard AWS credential chain, KMS_ENDPOINT if set.
 */
export function createKmsAliasResolverFromConfig(config: ArtifactConfig): ResolveKmsAlias {
  const access = kmsAccessFor(config);
  if ('unavailable' in access) return unavailableKmsAliasResolver(access.unavailable, access.fix);
  const clients = new Map<string, KMSClient>();
  return createKmsAliasResolver({
    kmsClientFor(keyRegion) {
      // A custom endpoint still needs a region to sign with, as for S3.
      const region = keyRegion ?? config.awsRegion ?? (access.endpoint ? 'us-east-1' : undefined);
      let client = clients.get(region ?? '');
      if (!client) {
        client = new KMSClient({
          ...(region ? { region } : {}),
          ...(access.endpoint ? { endpoint: access.endpoint } : {}),
          requestHandler: { connectionTimeout: config.timeoutMs, socketTimeout: config.timeoutMs },
        });
        clients.set(region ?? '', client);
      }
      return client;
    },
  });
}

/**
 * Reads the account-level Block Public Access with STS and S3 Control (standard AWS credential chain), or
 * undefined for an S3-compatible store, where a bucket's own block decides.
 */
export function createAccountBlockReaderFromConfig(config: ArtifactConfig): AccountPublicAccessBlockReader | undefined {
  const access = accountBlockAccessFor(config);
  if (access === 'bucket-level only') return undefined;
  const requestHandler = { connectionTimeout: config.timeoutMs, socketTimeout: config.timeoutMs };
  // The account block is global: any region answers for it. A custom endpoint still needs one to sign with.
  const regionFor = (endpoint: string | undefined) => (config.awsRegion ? { region: config.awsRegion } : endpoint ? { region: 'us-east-1' } : {});
  const s3ControlEndpoint = access.s3ControlEndpoint;
  return createAccountPublicAccessBlockReader({
    sts: new STSClient({ ...regionFor(access.stsEndpoint), ...(access.stsEndpoint ? { endpoint: access.stsEndpoint } : {}), requestHandler }),
    s3Control: new S3ControlClient({
      ...regionFor(s3ControlEndpoint),
      // S3 Control puts the account id in front of the host (<account>.s3-control.…); an endpoint override is
      // used as given, as S3_FORCE_PATH_STYLE does for buckets, since a private host or IP takes no such prefix.
      ...(s3ControlEndpoint ? { endpoint: s3ControlEndpoint, endpointProvider: () => ({ url: new URL(s3ControlEndpoint) }) } : {}),
      requestHandler,
    }),
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
    stores: { s3: createS3ArtifactStore(createS3Client(config), s3StoreOptions(config)), gs: createGcsArtifactStore(createGcsStorage(config)) },
    hashMaxBytes: config.hashMaxBytes,
    resolveKmsAlias: createKmsAliasResolverFromConfig(config),
    ...(onHashProgress ? { onHashProgress } : {}),
  });
}

function s3StoreOptions(config: ArtifactConfig) {
  const readAccountBlock = createAccountBlockReaderFromConfig(config);
  return readAccountBlock ? { readAccountBlock } : {};
}
