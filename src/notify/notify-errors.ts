import { RetryAfterError } from '../queue/retry-after-error.js';

/** The endpoint answered 429: the next attempt waits what its `Retry-After` asked for. */
export class NotifyRateLimitedError extends RetryAfterError {
  override name = 'NotifyRateLimitedError';
}

/**
 * A channel could not take the message (down, 5xx, timeout): the job is retried with backoff. The message
 * names the channel, never its URL, which is a secret.
 */
export class NotifyDeliveryError extends Error {
  override name = 'NotifyDeliveryError';
}

/** A channel that can never work as configured (its variable is unset, the endpoint refused us): not retried. */
export class NotifyChannelError extends Error {
  override name = 'NotifyChannelError';
}
