import { createHash } from 'node:crypto';
import { SIM_ACCOUNT } from '../sim-account.js';

/** How an object is encrypted at rest, as S3 reports it (`x-amz-server-side-encryption`). */
export type SimSse =
  | { algorithm: 'none' }
  | { algorithm: 'AES256' }
  | { algorithm: 'aws:kms' | 'aws:kms:dsse'; kmsKeyId: string; bucketKeyEnabled?: boolean }
  /** SSE-C: HeadObject and GetObject without the customer key answer 400. */
  | { algorithm: 'SSE-C' };

/** A fault the next requests for an object meet. */
export type SimFault =
  | { kind: 'access-denied' }
  /** GetObject fails as when the object's KMS key is disabled (HeadObject still answers: it decrypts nothing). */
  | { kind: 'kms-disabled' }
  /** GetObject answers AccessDenied about kms:Decrypt, as when the key policy does not allow the caller. */
  | { kind: 'kms-access-denied' }
  /** GetObject sends the headers and half the body, then drops the connection. */
  | { kind: 'drop-mid-body' }
  /** Every request for the object waits this long before answering. */
  | { kind: 'delay'; ms: number };

export interface SimObject {
  body: Buffer;
  sse: SimSse;
  /** Stored checksum: a full-object SHA256 of the body, a multipart composite (`…-N`), or none. */
  checksum: 'full-object' | 'composite' | 'none';
  fault?: SimFault;
  lastModified: Date;
}

export interface SimBucket {
  /** The account that owns the bucket; a request whose `x-amz-expected-bucket-owner` names another gets 403. */
  owner: string;
  /** GetBucketEncryption; undefined answers ServerSideEncryptionConfigurationNotFoundError. */
  defaultEncryption?: { algorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse'; kmsKeyId?: string; bucketKeyEnabled?: boolean };
  /** GetPublicAccessBlock; undefined answers NoSuchPublicAccessBlockConfiguration. */
  publicAccessBlock?: { BlockPublicAcls: boolean; IgnorePublicAcls: boolean; BlockPublicPolicy: boolean; RestrictPublicBuckets: boolean };
  /** Bucket operations that answer 403 AccessDenied (as without s3:GetEncryptionConfiguration …). */
  denied?: Array<'GetBucketEncryption' | 'GetPublicAccessBlock'>;
  objects: Map<string, SimObject>;
}

export const FULLY_BLOCKED = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } as const;

/** What the simulator stores: buckets and objects, changed directly by the demo and tests (as an upload would). */
export class S3SimulatorState {
  readonly buckets = new Map<string, SimBucket>();

  /** Owned by the test credentials' account (SIM_ACCOUNT) unless `settings.owner` names another. */
  createBucket(name: string, settings: Partial<Omit<SimBucket, 'objects'>> = { publicAccessBlock: { ...FULLY_BLOCKED } }): SimBucket {
    const bucket: SimBucket = { owner: SIM_ACCOUNT, ...settings, objects: new Map() };
    this.buckets.set(name, bucket);
    return bucket;
  }

  putObject(bucket: string, key: string, object: Partial<Omit<SimObject, 'lastModified'>> & { body: Buffer | string }): SimObject {
    const target = this.buckets.get(bucket);
    if (!target) throw new Error(`S3 simulator: no bucket ${bucket}`);
    const stored: SimObject = {
      sse: { algorithm: 'none' },
      checksum: 'full-object',
      ...object,
      body: Buffer.isBuffer(object.body) ? object.body : Buffer.from(object.body),
      lastModified: new Date(),
    };
    target.objects.set(key, stored);
    return stored;
  }
}

export const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
