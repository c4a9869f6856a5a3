import { S3Client } from '@aws-sdk/client-s3';
import type { S3Simulator } from './create-s3-simulator.js';

export { createS3Simulator, type S3Simulator } from './create-s3-simulator.js';
export { FULLY_BLOCKED, sha256Of, type SimSse } from './s3-state.js';

/** The real AWS SDK pointed at the simulator, as donegate's S3_ENDPOINT + S3_FORCE_PATH_STYLE would. */
export function s3ClientFor(simulator: S3Simulator, options: { secretAccessKey?: string; timeoutMs?: number } = {}): S3Client {
  return new S3Client({
    endpoint: simulator.endpoint,
    region: simulator.region,
    forcePathStyle: true,
    credentials: { accessKeyId: simulator.credentials.accessKeyId, secretAccessKey: options.secretAccessKey ?? simulator.credentials.secretAccessKey },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: options.timeoutMs ?? 5000, socketTimeout: options.timeoutMs ?? 5000 },
  });
}

/** The environment a donegate process uses to reach the simulator (the AWS SDK reads the AWS_* variables itself). */
export function s3EnvFor(simulator: S3Simulator): Record<string, string> {
  return {
    S3_ENDPOINT: simulator.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: simulator.region,
    AWS_ACCESS_KEY_ID: simulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: simulator.credentials.secretAccessKey,
  };
}
