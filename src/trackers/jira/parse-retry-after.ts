/**
 * Without `Retry-After`, Atlassian asks apps to back off from a few seconds
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/); the queue's backoff grows from here.
 */
export const DEFAULT_RETRY_AFTER_MS = 5_000;

/**
 * How long Jira asked us to wait: `Retry-After` in seconds or as an HTTP-date, else `X-RateLimit-Reset`
 * (ISO 8601, e.g. `2024-05-01T10:31Z`), else the default.
 */
export function parseRetryAfter(retryAfter: string | undefined, rateLimitReset: string | undefined, now = Date.now()): number {
  const value = retryAfter?.trim();
  if (value) {
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = rateLimitReset ? Date.parse(rateLimitReset.trim()) : Number.NaN;
  if (!Number.isNaN(reset)) return Math.max(0, reset - now);
  return DEFAULT_RETRY_AFTER_MS;
}
