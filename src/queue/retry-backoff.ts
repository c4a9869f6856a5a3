import { TrackerRateLimitedError } from '../trackers/errors.js';
import { RetryAfterError } from './retry-after-error.js';

const BASE_MS = 1000;
const MAX_MS = 5 * 60_000;

/**
 * Delay before the next attempt: what the tracker asked for when it rate-limited us (Jira
 * `Retry-After`, Linear `retryAfter`, Slack's 429), else exponential backoff with jitter, capped at five minutes.
 */
export function retryDelayMs(attemptsMade: number, error: unknown, random: () => number = Math.random): number {
  if (error instanceof TrackerRateLimitedError || error instanceof RetryAfterError) return error.retryAfterMs + Math.floor(random() * 250);
  const exponential = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.floor(exponential / 2 + random() * (exponential / 2));
}
