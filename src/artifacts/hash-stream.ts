import { createHash } from 'node:crypto';
import { ArtifactCheckError } from './stored-artifact.js';

export interface HashProgress {
  bytes: number;
  /** The object's size, when the store declared it. */
  total?: number;
}

/**
 * sha256 of a stream, hex. Stops with ArtifactCheckError once more than `maxBytes` arrive, so an object
 * larger than declared cannot keep a worker busy past the policy's limit.
 */
export async function hashStream(
  stream: AsyncIterable<Uint8Array>,
  { maxBytes, total, onProgress }: { maxBytes: number; total?: number; onProgress?: (progress: HashProgress) => void },
): Promise<string> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) throw tooLargeToHash(maxBytes);
    hash.update(chunk);
    onProgress?.({ bytes, ...(total !== undefined ? { total } : {}) });
  }
  return hash.digest('hex');
}

export function tooLargeToHash(maxBytes: number): ArtifactCheckError {
  return new ArtifactCheckError(
    `the object is larger than the ${maxBytes}-byte hashing limit and its store keeps no full-object sha256 to compare`,
    'upload it with a full-object SHA256 checksum (aws s3 cp --checksum-algorithm SHA256, single part) or raise ARTIFACT_HASH_MAX_BYTES',
  );
}
