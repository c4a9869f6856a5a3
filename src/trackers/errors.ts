import type { TrackerName } from '../domain/index.js';

/** The tracker asked us to slow down; retry after `retryAfterMs` (Jira 429 `Retry-After`, Linear RATELIMITED). */
export class TrackerRateLimitedError extends Error {
  override readonly name = 'TrackerRateLimitedError';
  constructor(
    readonly tracker: TrackerName,
    readonly retryAfterMs: number,
    message = `${tracker} rate limit reached; retrying in ${Math.ceil(retryAfterMs / 1000)} s`,
  ) {
    super(message);
  }
}

export type PermanentFault = 'not-found' | 'unauthorized' | 'forbidden' | 'invalid-request';

/**
 * Retrying cannot help (ticket deleted, credentials revoked, request refused as invalid): the job stops
 * and the fault is recorded. The message says what to fix.
 */
export class TrackerPermanentError extends Error {
  override readonly name = 'TrackerPermanentError';
  constructor(
    readonly tracker: TrackerName,
    readonly fault: PermanentFault,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A fault that may pass (5xx, timeout, connection reset): retried with backoff. */
export class TrackerUnavailableError extends Error {
  override readonly name = 'TrackerUnavailableError';
  constructor(
    readonly tracker: TrackerName,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
