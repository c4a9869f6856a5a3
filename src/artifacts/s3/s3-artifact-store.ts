import {
  GetBucketEncryptionCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ArtifactCheckError, type ArtifactBody, type ArtifactStore, type StoredArtifact, type StoredEncryption } from '../stored-artifact.js';
import type { AccountPublicAccessBlockReader } from './account-public-access-block.js';
import { createBucketOwnerCheck } from './bucket-owner.js';
import { s3CheckError } from './s3-check-error.js';
import { publicAccessOf } from './s3-public-access.js';

export interface S3ArtifactStoreOptions {
  /** The account-level Block Public Access (AWS S3 only); without it a bucket's own block alone decides. */
  readAccountBlock?: AccountPublicAccessBlockReader;
  /** The clock of the bucket-owner cache (tests). */
  now?: () => number;
}

/**
 * Objects in S3 or an S3-compatible store, read with the caller's S3Client (credentials from the
 * standard AWS chain; `endpoint` and `forcePathStyle` for MinIO, Ceph or R2). Needs s3:GetObject,
 * s3:GetEncryptionConfiguration and s3:GetBucketPublicAccessBlock, and s3:GetAccountPublicAccessBlock
 * when a bucket relies on its account's block (its owner is confirmed with s3:GetBucketPublicAccessBlock).
 */
export function createS3ArtifactStore(client: S3Client, options: S3ArtifactStoreOptions = {}): ArtifactStore {
  const accountLevel = options.readAccountBlock
    ? { reader: options.readAccountBlock, confirmOwner: createBucketOwnerCheck(client, options.now ? { now: options.now } : {}) }
    : undefined;
  return {
    async inspect(bucket, key): Promise<StoredArtifact> {
      const objectArn = `arn:aws:s3:::${bucket}/${key}`;
      const head = await headObject(client, bucket, key, objectArn);
      const [bucketDefault, publicAccess] = await Promise.all([bucketDefaultEncryption(client, bucket), publicAccessOf(client, bucket, accountLevel)]);
      return {
        encryption: head.encryption,
        bucketDefault,
        publicAccess,
        ...(head.size !== undefined ? { size: head.size } : {}),
        ...(head.storedSha256 ? { storedSha256: head.storedSha256 } : {}),
      };
    },

    async read(bucket, key, signal): Promise<ArtifactBody> {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), signal ? { abortSignal: signal } : {});
        if (!object.Body) throw new ArtifactCheckError('GetObject returned no body', 'retry');
        const body = object.Body as AsyncIterable<Uint8Array>;
        return {
          // A connection lost mid-download is a check that could not be made, never a mismatch.
          stream: (async function* () {
            try {
              yield* body;
            } catch (error) {
              throw new ArtifactCheckError(`the download of the object was interrupted (${(error as Error).message})`, 'retry; if it persists, check the network path to the storage endpoint');
            }
          })(),
          ...(object.ContentLength !== undefined ? { size: object.ContentLength } : {}),
        };
      } catch (error) {
        if (error instanceof ArtifactCheckError) throw error;
        throw s3CheckError(error, { operation: 'GetObject', permission: 's3:GetObject', resource: `arn:aws:s3:::${bucket}/${key}` });
      }
    },
  };
}

async function headObject(client: S3Client, bucket: string, key: string, objectArn: string): Promise<{ encryption: StoredEncryption; size?: number; storedSha256?: string }> {
  let head: HeadObjectCommandOutput;
  try {
    head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 400) return sseCustomerKeyOrError(client, bucket, key, objectArn, error);
    throw s3CheckError(error, { operation: 'HeadObject', permission: 's3:GetObject', resource: objectArn });
  }
  return {
    encryption: objectEncryption(head),
    ...(head.ContentLength !== undefined ? { size: head.ContentLength } : {}),
    ...(fullObjectSha256(head) ? { storedSha256: fullObjectSha256(head) } : {}),
  };
}

/**
 * HeadObject on an SSE-C object without its key answers a bare 400 (HEAD has no body). GetObject
 * says why in its error body; `InvalidRequest` about server-side encryption means SSE-C.
 */
async function sseCustomerKeyOrError(client: S3Client, bucket: string, key: string, objectArn: string, headError: unknown): Promise<{ encryption: StoredEncryption }> {
  try {
    const probe = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=0-0' }));
    await probe.Body?.transformToByteArray();
  } catch (error) {
    const e = error as { name?: string; message?: string };
    if (e.name === 'InvalidRequest' && /server side encryption/i.test(e.message ?? '')) {
      return { encryption: { kind: 'customer-supplied', label: 'SSE-C (customer-provided key)' } };
    }
    throw s3CheckError(error, { operation: 'GetObject', permission: 's3:GetObject', resource: objectArn });
  }
  throw s3CheckError(headError, { operation: 'HeadObject', permission: 's3:GetObject', resource: objectArn });
}

function objectEncryption(head: HeadObjectCommandOutput): StoredEncryption {
  if (head.SSECustomerAlgorithm) return { kind: 'customer-supplied', label: 'SSE-C (customer-provided key)' };
  switch (head.ServerSideEncryption) {
    case 'aws:kms':
    case 'aws:kms:dsse':
      return { kind: 'kms', algorithm: head.ServerSideEncryption, keyId: head.SSEKMSKeyId ?? '(key not reported)', ...(head.BucketKeyEnabled ? { bucketKey: true } : {}) };
    case 'AES256':
      return { kind: 'provider-managed', label: 'SSE-S3 (AES256)' };
    case undefined:
      return { kind: 'none' };
    default:
      // A value S3 may add later: encrypted in some way this version cannot judge, so never called KMS.
      return { kind: 'provider-managed', label: `server-side encryption ${head.ServerSideEncryption}` };
  }
}

/**
 * The stored SHA256 when it is of the whole object. A multipart upload stores a COMPOSITE checksum
 * (a checksum of the part checksums, `…-N`) that no whole-file sha256 can be compared with.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */
function fullObjectSha256(head: HeadObjectCommandOutput): string | undefined {
  const stored = head.ChecksumSHA256;
  if (!stored || stored.includes('-') || head.ChecksumType === 'COMPOSITE') return undefined;
  const bytes = Buffer.from(stored, 'base64');
  return bytes.length === 32 ? bytes.toString('hex') : undefined;
}

async function bucketDefaultEncryption(client: S3Client, bucket: string): Promise<StoredArtifact['bucketDefault']> {
  try {
    const answer = await client.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    const rule = answer.ServerSideEncryptionConfiguration?.Rules?.[0];
    const byDefault = rule?.ApplyServerSideEncryptionByDefault;
    if (!byDefault) return { encryption: { kind: 'none' } };
    if (byDefault.SSEAlgorithm === 'AES256') return { encryption: { kind: 'provider-managed', label: 'SSE-S3 (AES256)' } };
    const algorithm = byDefault.SSEAlgorithm === 'aws:kms:dsse' ? 'aws:kms:dsse' : 'aws:kms';
    return { encryption: { kind: 'kms', algorithm, keyId: byDefault.KMSMasterKeyID ?? 'the AWS managed key aws/s3', ...(rule.BucketKeyEnabled ? { bucketKey: true } : {}) } };
  } catch (error) {
    if ((error as { name?: string }).name === 'ServerSideEncryptionConfigurationNotFoundError') return { encryption: { kind: 'none' } };
    return { error: s3CheckError(error, { operation: 'GetBucketEncryption', permission: 's3:GetEncryptionConfiguration', resource: `arn:aws:s3:::${bucket}` }) };
  }
}
