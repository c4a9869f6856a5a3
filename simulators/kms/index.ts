import { KMSClient } from '@aws-sdk/client-kms';
import type { KmsSimulator } from './create-kms-simulator.js';

export { createKmsSimulator, type KmsSimulator } from './create-kms-simulator.js';
export { SIM_KMS_ACCOUNT, type SimKmsKey } from './kms-state.js';

/** The real AWS SDK pointed at the simulator for `region`, as donegate's KMS_ENDPOINT would. */
export function kmsClientFor(simulator: KmsSimulator, region: string = simulator.region, options: { secretAccessKey?: string; timeoutMs?: number } = {}): KMSClient {
  return new KMSClient({
    endpoint: simulator.endpoint,
    region,
    credentials: { accessKeyId: simulator.credentials.accessKeyId, secretAccessKey: options.secretAccessKey ?? simulator.credentials.secretAccessKey },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: options.timeoutMs ?? 5000, socketTimeout: options.timeoutMs ?? 5000 },
  });
}

/** The environment a donegate process uses to reach the simulator (credentials as for S3: AWS_*). */
export function kmsEnvFor(simulator: KmsSimulator): Record<string, string> {
  return { KMS_ENDPOINT: simulator.endpoint };
}
