/** How an object is encrypted at rest, as its store reports it. */
export type StoredEncryption =
  | { kind: 'none' }
  /** SSE-S3 (AES256) or Google-managed keys: encrypted, with a key nobody in the organisation controls. */
  | { kind: 'provider-managed'; label: string }
  /** SSE-KMS, DSSE-KMS or GCS CMEK: a key in KMS that the organisation controls. */
  | { kind: 'kms'; algorithm: 'aws:kms' | 'aws:kms:dsse' | 'gcs-cmek'; keyId: string; bucketKey?: boolean }
  /** SSE-C or GCS CSEK: a key the uploader supplied with the request; the store keeps only its hash. */
  | { kind: 'customer-supplied'; label: string };

/** What a store could tell about one object. A field it could not read carries the reason instead. */
export interface StoredArtifact {
  encryption: StoredEncryption;
  /** The bucket's default encryption for new objects (S3); undefined where the store has none to report. */
  bucketDefault?: { encryption: StoredEncryption } | { error: ArtifactCheckError };
  /** Whether anyone outside the account could be granted access; `fix` when the store knows a more precise one. */
  publicAccess: { possible: boolean; detail: string; fix?: string } | { error: ArtifactCheckError };
  size?: number;
  /** A full-object sha256 the store keeps for the object, hex. Composite (multipart) checksums are not one. */
  storedSha256?: string;
}

/** The object's bytes, for hashing when the store keeps no usable checksum. */
export interface ArtifactBody {
  stream: AsyncIterable<Uint8Array>;
  size?: number;
}

/** A check that could not be made: the verdict is `error`, never pass or fail. */
export class ArtifactCheckError extends Error {
  override readonly name = 'ArtifactCheckError';
  constructor(
    message: string,
    /** What the operator does about it (grant a permission, fix the endpoint, …). */
    readonly fix: string,
  ) {
    super(message);
  }
}

/** One storage service (S3 or GCS) as the verifier uses it. */
export interface ArtifactStore {
  /** Throws ArtifactCheckError when the object itself cannot be read (denied, missing, timeout, …). */
  inspect(bucket: string, key: string): Promise<StoredArtifact>;
  /** Throws ArtifactCheckError as `inspect` does. */
  read(bucket: string, key: string, signal?: AbortSignal): Promise<ArtifactBody>;
}
