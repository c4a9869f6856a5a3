import { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { S3ControlSimulator } from './create-s3-control-simulator.js';

export { createS3ControlSimulator, type S3ControlSimulator, type SimAccountBlock } from './create-s3-control-simulator.js';

/**
 * The real AWS SDK pointed at the simulator, as donegate's S3_CONTROL_ENDPOINT does: the endpoint used
 * as given, without the account id the SDK puts in front of AWS hosts.
 */
export function s3ControlClientFor(simulator: S3ControlSimulator, options: { secretAccessKey?: string; timeoutMs?: number } = {}): S3ControlClient {
  return new S3ControlClient({
    endpoint: simulator.endpoint,
    endpointProvider: () => ({ url: new URL(simulator.endpoint) }),
    region: 'eu-west-1',
    credentials: { accessKeyId: simulator.credentials.accessKeyId, secretAccessKey: options.secretAccessKey ?? simulator.credentials.secretAccessKey },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: options.timeoutMs ?? 5000, socketTimeout: options.timeoutMs ?? 5000 },
  });
}
