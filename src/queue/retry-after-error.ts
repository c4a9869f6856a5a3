/**
 * A remote service said when to try again (HTTP 429 `Retry-After`): the queue waits that long before the
 * next attempt instead of its own backoff. Extended by each client that reads such an answer.
 */
export class RetryAfterError extends Error {
  override name = 'RetryAfterError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}
