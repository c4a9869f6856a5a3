import { ArtifactCheckError } from '../stored-artifact.js';

/** A @google-cloud/storage failure (ApiError with `code` = HTTP status) as a check that could not be made. */
export function gcsCheckError(error: unknown, what: { operation: string; permission: string; resource: string }): ArtifactCheckError {
  const e = (error ?? {}) as { code?: number | string; message?: string; name?: string };
  const message = e.message ?? String(error);
  if (e.code === 404) return new ArtifactCheckError(/bucket/i.test(message) ? 'no such bucket' : 'no such object', 'check the bucket and object in the artifact URI, or upload the artifact');
  if (e.code === 401 || e.code === 403) return new ArtifactCheckError(`access denied to ${what.operation}`, `grant ${what.permission} on ${what.resource} to donegate's service account`);
  if (e.code === 'ETIMEDOUT' || e.name === 'AbortError' || /timeout/i.test(message)) {
    return new ArtifactCheckError(`${what.operation} timed out`, 'check that the storage endpoint is reachable from donegate, then retry');
  }
  if (typeof e.code === 'number') return new ArtifactCheckError(`${what.operation} failed (HTTP ${e.code}: ${message})`, 'retry; if it persists, check the object in the Cloud console');
  return new ArtifactCheckError(`could not reach Google Cloud Storage (${message})`, 'check GCS_API_ENDPOINT / the network path to storage.googleapis.com and the Google credentials, then retry');
}
