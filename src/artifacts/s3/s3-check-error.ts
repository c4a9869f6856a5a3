import type { SdkError } from '../sdk-error.js';
import { ArtifactCheckError } from '../stored-artifact.js';

/**
 * An S3 SDK failure as a check that could not be made, with the permission or setting to fix.
 * HEAD answers carry no body, so the SDK knows only the status there: 403 and 404 are read from it.
 */
export function s3CheckError(error: unknown, what: { operation: string; permission: string; resource: string }): ArtifactCheckError {
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const grant = `grant ${what.permission} on ${what.resource} to donegate's role`;
  if (name === 'TimeoutError' || e.code === 'ETIMEDOUT' || name === 'RequestTimeout' || name === 'AbortError') {
    return new ArtifactCheckError(`${what.operation} timed out`, 'check that the storage endpoint is reachable from donegate, then retry');
  }
  if (name.startsWith('KMS.') || name === 'KMSAccessDenied' || /kms/i.test(name)) {
    return new ArtifactCheckError(`KMS refused to decrypt the object (${name}${e.message ? `: ${e.message}` : ''})`, 'enable the KMS key and allow kms:Decrypt for donegate in its key policy');
  }
  if (name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || name === 'ExpiredToken' || name === 'CredentialsProviderError') {
    return new ArtifactCheckError(`the storage credentials were refused (${name})`, 'check the AWS credentials donegate runs with (the standard AWS credential chain)');
  }
  // The SDK throws this before sending anything when neither AWS_REGION nor the profile names a region.
  if (/region is missing/i.test(e.message ?? '')) {
    return new ArtifactCheckError('no AWS region is configured', 'set AWS_REGION (for example eu-west-1) or a region in the AWS profile donegate runs with');
  }
  if (name === 'NoSuchBucket') return new ArtifactCheckError('no such bucket', 'check the bucket name in the artifact URI');
  if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) {
    return new ArtifactCheckError('no such object', 'check the key in the artifact URI, or upload the artifact');
  }
  // Without kms:Decrypt, GetObject of an SSE-KMS object answers AccessDenied with a message about KMS.
  if ((name === 'AccessDenied' || status === 403) && /\bkms\b/i.test(e.message ?? '')) {
    return new ArtifactCheckError(`KMS refused to decrypt the object (${name}${e.message ? `: ${e.message}` : ''})`, "allow kms:Decrypt for donegate's role in the key policy of the object's KMS key");
  }
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403) {
    return new ArtifactCheckError(`access denied to ${what.operation}`, grant);
  }
  const reason = e.message && e.message !== 'UnknownError' ? `${name}: ${e.message}` : name;
  if (status === undefined) {
    return new ArtifactCheckError(`could not reach the storage endpoint (${reason})`, 'check S3_ENDPOINT / the network path to S3, then retry');
  }
  return new ArtifactCheckError(`${what.operation} failed (HTTP ${status} ${reason})`, 'retry; if it persists, check the object in the storage console');
}
