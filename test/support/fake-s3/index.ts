import { S3Client } from '@aws-sdk/client-s3';
import type { FakeS3 } from './create-fake-s3.js';

export { createFakeS3, type FakeS3 } from './create-fake-s3.js';
export { FULLY_BLOCKED, sha256Of, type FakeSse } from './fake-s3-state.js';

/** The real AWS SDK pointed at the fake, as donegate's S3_ENDPOINT + S3_FORCE_PATH_STYLE would. */
export function s3ClientFor(fake: FakeS3, options: { secretAccessKey?: string; timeoutMs?: number } = {}): S3Client {
  return new S3Client({
    endpoint: fake.endpoint,
    region: fake.region,
    forcePathStyle: true,
    credentials: { accessKeyId: fake.credentials.accessKeyId, secretAccessKey: options.secretAccessKey ?? fake.credentials.secretAccessKey },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: options.timeoutMs ?? 5000, socketTimeout: options.timeoutMs ?? 5000 },
  });
}

/** The env a donegate process uses to reach the fake (the SDK reads AWS_* itself). */
export function s3EnvFor(fake: FakeS3): Record<string, string> {
  return {
    S3_ENDPOINT: fake.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: fake.region,
    AWS_ACCESS_KEY_ID: fake.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: fake.credentials.secretAccessKey,
  };
}
