import { STSClient } from '@aws-sdk/client-sts';
import type { StsSimulator } from './create-sts-simulator.js';

export { createStsSimulator, SIM_STS_ACCOUNT, type StsSimulator } from './create-sts-simulator.js';

/** The real AWS SDK pointed at the simulator, as donegate's STS_ENDPOINT would. */
export function stsClientFor(simulator: StsSimulator, options: { secretAccessKey?: string; timeoutMs?: number } = {}): STSClient {
  return new STSClient({
    endpoint: simulator.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: simulator.credentials.accessKeyId, secretAccessKey: options.secretAccessKey ?? simulator.credentials.secretAccessKey },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: options.timeoutMs ?? 5000, socketTimeout: options.timeoutMs ?? 5000 },
  });
}
