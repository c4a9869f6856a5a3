/**
 * A secondary rate limit without `retry-after`: GitHub asks to wait at least a minute
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#handle-rate-limit-errors-appropriately).
 */
export const SECONDARY_LIMIT_WAIT_MS = 60_000;

export interface RateLimitHeaders {
  'retry-after'?: string | undefined;
  'x-ratelimit-remaining'?: string | undefined;
  'x-ratelimit-reset'?: string | undefined;
}

/**
 * How long GitHub asked us to wait, or `undefined` when the response is no rate limit. `retry-after`
 * (seconds) wins; else an exhausted primary limit (`x-ratelimit-remaining: 0`) lasts until
 * `x-ratelimit-reset` (epoch seconds); else a 429, or a 403 that says "secondary rate limit", waits a minute.
 */
export function githubRetryAfterMs(status: number, headers: RateLimitHeaders, message: string, now = Date.now()): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter && /^\d{1,6}$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const reset = headers['x-ratelimit-reset']?.trim();
  if (headers['x-ratelimit-remaining']?.trim() === '0' && reset && /^\d{1,12}$/.test(reset)) {
    return Math.max(0, Number(reset) * 1000 - now);
  }
  if (status === 429 || /secondary rate limit/i.test(message)) return SECONDARY_LIMIT_WAIT_MS;
  return undefined;
}
