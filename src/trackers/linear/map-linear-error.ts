import {
  AuthenticationLinearError,
  FeatureNotAccessibleLinearError,
  ForbiddenLinearError,
  GraphqlLinearError,
  InvalidInputLinearError,
  LinearError,
  RatelimitedLinearError,
  UsageLimitExceededLinearError,
  UserLinearError,
} from '@linear/sdk';
import { TrackerPermanentError, TrackerRateLimitedError, TrackerUnavailableError } from '../errors.js';

/** When Linear rate-limits without saying for how long, wait a minute: its buckets refill continuously. */
const DEFAULT_RETRY_AFTER_MS = 60_000;

/**
 * Turns what @linear/sdk throws into the tracker errors the worker decides on. Messages are built here
 * from the error's type and Linear's own message only: the SDK error also carries the request's
 * variables (comment bodies), which stay out of logs and job records.
 *
 * @param action what donegate was doing, for the message ("reading AI-7").
 */
export function mapLinearError(error: unknown, action: string): Error {
  if (!(error instanceof LinearError)) {
    // fetch() itself failed: DNS, refused or reset connection, timeout.
    const reason = error instanceof Error ? error.message : String(error);
    return new TrackerUnavailableError('linear', `Linear could not be reached while ${action}: ${reason}`);
  }
  const said = linearMessage(error);
  if (error instanceof RatelimitedLinearError) {
    return new TrackerRateLimitedError('linear', retryAfterMs(error));
  }
  if (error instanceof AuthenticationLinearError) {
    return new TrackerPermanentError(
      'linear',
      'unauthorized',
      `Linear refused the API key while ${action}: check LINEAR_API_KEY (a personal API key from Linear → Settings → Security & access, sent without "Bearer").`,
      error.status,
    );
  }
  if (
    error instanceof ForbiddenLinearError ||
    error instanceof FeatureNotAccessibleLinearError ||
    error instanceof UsageLimitExceededLinearError
  ) {
    return new TrackerPermanentError(
      'linear',
      'forbidden',
      `Linear refused ${action} (${said}): give the account behind LINEAR_API_KEY access to the team, or a key with write scope.`,
      error.status,
    );
  }
  if (isNotFound(error)) {
    return new TrackerPermanentError('linear', 'not-found', `Linear has no such entity while ${action} (${said}): it may have been deleted or moved to a team the key cannot see.`, error.status);
  }
  if (error instanceof InvalidInputLinearError || error instanceof GraphqlLinearError || error instanceof UserLinearError) {
    return new TrackerPermanentError('linear', 'invalid-request', `Linear refused the request while ${action}: ${said}`, error.status);
  }
  // InternalError, NetworkError (5xx), LockTimeout, Unknown, Other: may pass.
  return new TrackerUnavailableError('linear', `Linear failed while ${action}: ${said}`, error.status);
}

/**
 * `RatelimitedLinearError.retryAfter` is the `Retry-After` header in seconds (see its doc comment in
 * @linear/sdk 88.3.0); `requestsResetAt` is the `X-RateLimit-Requests-Reset` epoch in milliseconds.
 */
function retryAfterMs(error: RatelimitedLinearError): number {
  if (error.retryAfter !== undefined && Number.isFinite(error.retryAfter) && error.retryAfter >= 0) {
    return error.retryAfter * 1000;
  }
  if (error.requestsResetAt !== undefined && Number.isFinite(error.requestsResetAt)) {
    return Math.max(0, error.requestsResetAt - Date.now());
  }
  return DEFAULT_RETRY_AFTER_MS;
}

/** Linear reports a missing issue, comment or label as invalid input "Entity not found: Issue". */
function isNotFound(error: LinearError): boolean {
  const texts = [error.message, ...(error.errors ?? []).map((e) => e.message)];
  return texts.some((text) => /entity not found|could not find referenced/i.test(text));
}

function linearMessage(error: LinearError): string {
  const first = error.errors?.[0]?.message;
  return first ?? error.type ?? 'unknown error';
}
