import { GetPublicAccessBlockCommand, type S3Client } from '@aws-sdk/client-s3';
import { createLookupCache } from '../lookup-cache.js';
import type { SdkError } from '../sdk-error.js';
import { ArtifactCheckError } from '../stored-artifact.js';
import { s3CheckError } from './s3-check-error.js';

/** Whether a bucket belongs to the account asked about, or to another one. */
export type BucketOwner = 'that account' | 'another account';

/** Throws ArtifactCheckError when the owner cannot be confirmed (a timeout, an unreachable endpoint, …). */
export type ConfirmBucketOwner = (bucket: string, accountId: string) => Promise<BucketOwner>;

export interface BucketOwnerCheckOptions {
  /** How long an answer is trusted: 5 minutes, as the account-level block. */
  ttlMs?: number;
  /** How long a failure is remembered: 30 seconds. */
  failureTtlMs?: number;
  now?: () => number;
}

const REFUSED_CREDENTIALS = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'CredentialsProviderError']);

/**
 * Confirms a bucket's owner by repeating the GetPublicAccessBlock donegate has just made for it, with
 * `ExpectedBucketOwner` (the `x-amz-expected-bucket-owner` header): S3 answers 403 Access Denied when
 * another account owns the bucket. The same call without the header has just succeeded, so a 403 here
 * means another owner, not a missing s3:GetBucketPublicAccessBlock, and no new permission is needed.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html
 */
export function createBucketOwnerCheck(client: S3Client, options: BucketOwnerCheckOptions = {}): ConfirmBucketOwner {
  const owners = createLookupCache<BucketOwner>({
    ttlMs: options.ttlMs ?? 5 * 60_000,
    failureTtlMs: options.failureTtlMs ?? 30_000,
    ...(options.now ? { now: options.now } : {}),
  });
  // A bucket name has no spaces and an account id is 12 digits, so the key is unambiguous.
  return (bucket, accountId) => owners(`${accountId} ${bucket}`, () => askOwner(client, bucket, accountId));
}

async function askOwner(client: S3Client, bucket: string, accountId: string): Promise<BucketOwner> {
  try {
    await client.send(new GetPublicAccessBlockCommand({ Bucket: bucket, ExpectedBucketOwner: accountId }));
    return 'that account';
  } catch (error) {
    const e = (error ?? {}) as SdkError;
    // The owner condition is checked before the configuration is looked up: a bucket without a block is still ours.
    if (e.name === 'NoSuchPublicAccessBlockConfiguration') return 'that account';
    if (!REFUSED_CREDENTIALS.has(e.name ?? '') && (e.name === 'AccessDenied' || e.$metadata?.httpStatusCode === 403)) return 'another account';
    const failure = s3CheckError(error, {
      operation: `GetPublicAccessBlock with ExpectedBucketOwner ${accountId} (to confirm the bucket is in donegate's account)`,
      permission: 's3:GetBucketPublicAccessBlock',
      resource: `arn:aws:s3:::${bucket}`,
    });
    throw new ArtifactCheckError(failure.message, `${failure.fix}; or turn on all four Block Public Access settings on the bucket itself, which needs no ownership check`);
  }
}
