import type { SdkError } from '../sdk-error.js';
import { ArtifactCheckError } from '../stored-artifact.js';

const CREDENTIALS_REFUSED = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignature',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'CredentialsProviderError',
]);

/**
 * A failed DescribeKey on an alias from `kmsKeys`, as a check that could not be made. KMS answers
 * AccessDeniedException and NotFoundException with HTTP 400, so the error name decides, not the status.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_Errors
 */
export function kmsAliasError(error: unknown, alias: string, region: string | undefined): ArtifactCheckError {
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const what = `the KMS alias ${alias} could not be resolved${region ? ` in ${region}` : ''}`;
  const orList = 'or list the key ARN in kmsKeys instead of the alias';
  const said = e.message ? `${name}: ${e.message}` : name;
  if (name === 'TimeoutError' || e.code === 'ETIMEDOUT' || name === 'AbortError') {
    return new ArtifactCheckError(`${what}: DescribeKey timed out`, `check that KMS (KMS_ENDPOINT, or kms.<region>.amazonaws.com) is reachable from donegate, ${orList}`);
  }
  if (CREDENTIALS_REFUSED.has(name)) {
    return new ArtifactCheckError(`${what}: the AWS credentials were refused (${name})`, `check the AWS credentials donegate runs with (the standard AWS credential chain), ${orList}`);
  }
  if (name === 'AccessDeniedException' || status === 403) {
    return new ArtifactCheckError(`${what}: ${said}`, `grant kms:DescribeKey to donegate's role on the key the alias points to (README, "Artifact checks"), ${orList}`);
  }
  if (name === 'NotFoundException') {
    return new ArtifactCheckError(
      `${what}: ${said}`,
      `check the alias (aws kms list-aliases${region ? ` --region ${region}` : ''}); an alias name is looked up in the account of donegate's credentials, so for a key in another account list its alias ARN or key ARN; ${orList}`,
    );
  }
  if (/region is missing/i.test(e.message ?? '')) {
    return new ArtifactCheckError(`${what}: no AWS region to ask KMS in`, `set AWS_REGION, list the alias ARN, ${orList}`);
  }
  if (status === undefined) {
    return new ArtifactCheckError(`${what}: could not reach KMS (${said})`, `check KMS_ENDPOINT / the network path to KMS, then retry; ${orList}`);
  }
  return new ArtifactCheckError(`${what}: DescribeKey failed (HTTP ${status} ${said})`, `retry; if it persists, ${orList}`);
}
