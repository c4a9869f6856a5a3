/** How an upload is retried. The defaults make 5 attempts within about a minute. */
export interface RetrySchedule {
  /** Retries after the first attempt; 0 sends once. */
  retries: number;
  /** The first backoff's ceiling; each next one doubles, up to `capMs`. */
  baseMs: number;
  capMs: number;
  /** A server's `Retry-After` is honoured up to this long. */
  retryAfterCapMs: number;
  /** No retry starts once this long has passed since the first attempt. */
  budgetMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { retries: 4, baseMs: 1000, capMs: 16_000, retryAfterCapMs: 30_000, budgetMs: 60_000 };

/**
 * "Full jitter" backoff: a random wait between 0 and the exponential ceiling, so CI jobs that failed
 * together do not retry together (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 * `retry` counts from 0.
 */
export function backoffMs(retry: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(schedule.capMs, schedule.baseMs * 2 ** retry));
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Why an answer is worth retrying, or undefined when it is final. 429 and 502–504 are the proxy's or the
 * server's "not now"; 500 too, because donegate answers it for a transient fault such as a lost database
 * connection, and the Idempotency-Key makes a repeat safe. 409 `IDEMPOTENCY_KEY_IN_USE` means the first
 * attempt is still being handled. Every other 4xx says the request itself is wrong: repeating it cannot help.
 */
export function retryableStatus(status: number, code: string | undefined): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504 || (status === 409 && code === 'IDEMPOTENCY_KEY_IN_USE');
}
