import type { SdkError } from '../sdk-error.js';
import { ArtifactCheckError } from '../stored-artifact.js';

const CREDENTIALS_REFUSED = new Set(['InvalidClientTokenId', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'CredentialsProviderError']);

/** Either fix works: the bucket's own block, fully on, makes the account level irrelevant. */
const OR_BLOCK_THE_BUCKET = 'or turn on all four Block Public Access settings on the bucket itself, which needs no account lookup';

interface Step {
  operation: string;
  /** Where the request went, for the network advice. */
  endpoint: string;
  /** What to grant or allow when the service says access denied. */
  onDenied: string;
}

const STEPS = {
  sts: {
    operation: 'STS GetCallerIdentity (to learn the account whose Block Public Access applies)',
    endpoint: 'STS_ENDPOINT / sts.<region>.amazonaws.com',
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
    onDenied:
      'sts:GetCallerIdentity needs no IAM permission and an IAM deny does not stop it, so the refusal comes from elsewhere: allow it in the STS VPC endpoint policy, or activate STS in the region (IAM, account settings)',
  },
  s3control: {
    operation: 'S3 Control GetPublicAccessBlock for the account',
    endpoint: 'S3_CONTROL_ENDPOINT / <account>.s3-control.<region>.amazonaws.com',
    onDenied: "grant s3:GetAccountPublicAccessBlock (resource \"*\") to donegate's role",
  },
} satisfies Record<string, Step>;

/**
 * A failed STS or S3 Control call made to read the account-level Block Public Access, as a check that
 * could not be made: never public, never blocked.
 */
export function accountBlockError(error: unknown, step: keyof typeof STEPS): ArtifactCheckError {
  const { operation, endpoint, onDenied } = STEPS[step];
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const said = e.message && e.message !== 'UnknownError' ? `${name}: ${e.message}` : name;
  if (name === 'TimeoutError' || e.code === 'ETIMEDOUT' || name === 'RequestTimeout' || name === 'AbortError') {
    return new ArtifactCheckError(`${operation} timed out`, `check that ${endpoint} is reachable from donegate, then retry; ${OR_BLOCK_THE_BUCKET}`);
  }
  if (CREDENTIALS_REFUSED.has(name)) {
    return new ArtifactCheckError(`${operation}: the AWS credentials were refused (${name})`, 'check the AWS credentials donegate runs with (the standard AWS credential chain)');
  }
  if (/region is missing/i.test(e.message ?? '')) {
    return new ArtifactCheckError(`${operation}: no AWS region is configured`, 'set AWS_REGION (for example eu-west-1) or a region in the AWS profile donegate runs with');
  }
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'RegionDisabledException' || status === 403) {
    return new ArtifactCheckError(`${operation} was refused (${said})`, `${onDenied}; ${OR_BLOCK_THE_BUCKET}`);
  }
  if (status === undefined) {
    return new ArtifactCheckError(`${operation}: could not reach the endpoint (${said})`, `check ${endpoint} and the network path to it, then retry; ${OR_BLOCK_THE_BUCKET}`);
  }
  return new ArtifactCheckError(`${operation} failed (HTTP ${status} ${said})`, `retry; ${OR_BLOCK_THE_BUCKET}`);
}
