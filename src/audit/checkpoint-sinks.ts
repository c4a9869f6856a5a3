import { appendFile } from 'node:fs/promises';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { CheckpointSink } from './checkpoint-writer.js';

/** Appends each checkpoint as one JSON line; put the file on storage the database's owner cannot write. */
export function fileCheckpointSink(path: string): CheckpointSink {
  return {
    name: `file ${path}`,
    write: (checkpoint) => appendFile(path, `${JSON.stringify(checkpoint)}\n`, { mode: 0o640 }),
  };
}

/**
 * Writes each checkpoint as its own object, under S3 Object Lock in compliance mode: not even the bucket
 * owner can delete or overwrite it before `retainDays` pass. The bucket must have Object Lock enabled;
 * S3 requires an integrity checksum on such a PUT, hence the SHA-256 checksum.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 */
export function s3CheckpointSink(client: S3Client, target: { bucket: string; prefix: string; retainDays: number }, now: () => Date = () => new Date()): CheckpointSink {
  return {
    name: `s3://${target.bucket}/${target.prefix}`,
    async write(checkpoint) {
      const retainUntil = new Date(now().getTime() + target.retainDays * 86_400_000);
      await client.send(
        new PutObjectCommand({
          Bucket: target.bucket,
          // Zero-padded, so a listing is in log order.
          Key: `${target.prefix}${String(checkpoint.seq).padStart(15, '0')}-${checkpoint.time.replaceAll(':', '')}.json`,
          Body: `${JSON.stringify(checkpoint)}\n`,
          ContentType: 'application/json',
          ChecksumAlgorithm: 'SHA256',
          ObjectLockMode: 'COMPLIANCE',
          ObjectLockRetainUntilDate: retainUntil,
        }),
      );
    },
  };
}
