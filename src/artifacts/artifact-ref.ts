/** Where an artifact lives: an object in an S3 bucket (or an S3-compatible store) or in a GCS bucket. */
export interface ArtifactRef {
  scheme: 's3' | 'gs';
  bucket: string;
  key: string;
  /** The sha256 the ticket or CI declares for it, lower-case hex. */
  sha256?: string;
  /** Where the reference was found: `evidence`, `description`, `jira-remote-link`, `linear-attachment`, `cli`. */
  source: string;
}

export class ArtifactRefError extends Error {
  override readonly name = 'ArtifactRefError';
}

const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const GCS_BUCKET = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;
export const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** `s3://bucket/key` or `gs://bucket/object`, as the URI names it. */
export function artifactUri(ref: Pick<ArtifactRef, 'scheme' | 'bucket' | 'key'>): string {
  return `${ref.scheme}://${ref.bucket}/${ref.key}`;
}

/**
 * Read `s3://bucket/key` or `gs://bucket/object`. Anything else is refused, presigned and public
 * `https://` links included: donegate checks objects through the storage API with its own credentials,
 * and never stores a link that grants access.
 */
export function parseArtifactUri(uri: string, source: string, sha256?: string): ArtifactRef {
  const match = /^(s3|gs):\/\/([^/?#\s]+)\/([^?#\s][^?#]*)$/.exec(uri.trim());
  if (!match) throw new ArtifactRefError(`"${uri.slice(0, 200)}" is not an artifact URI: use s3://bucket/key or gs://bucket/object`);
  const [, scheme, bucket, key] = match as unknown as [string, 's3' | 'gs', string, string];
  if (!(scheme === 's3' ? S3_BUCKET : GCS_BUCKET).test(bucket)) throw new ArtifactRefError(`"${bucket}" is not a valid ${scheme === 's3' ? 'S3' : 'GCS'} bucket name`);
  if (sha256 !== undefined && !SHA256_HEX.test(sha256)) throw new ArtifactRefError(`the sha256 of ${scheme}://${bucket}/${key} must be 64 hex digits`);
  return { scheme, bucket, key, source, ...(sha256 !== undefined ? { sha256: sha256.toLowerCase() } : {}) };
}
