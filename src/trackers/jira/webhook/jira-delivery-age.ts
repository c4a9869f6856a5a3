/**
 * How old a signed Jira delivery may be and still be acted on. Jira signs no timestamp header, only the
 * body's `timestamp` (when the event happened), and retries a failed delivery with the same body for up to
 * about 30 minutes ("webhooks might be delivered later than usually (up to 30 minutes)",
 * https://developer.atlassian.com/cloud/jira/platform/webhooks/#retry-policy). One hour covers that
 * schedule twice over, plus clock skew and a receiver that was briefly down.
 */
export const DEFAULT_JIRA_DELIVERY_MAX_AGE_SECONDS = 3600;

/**
 * Whether a delivery's signed `timestamp` is older than the window: a captured body replayed later.
 * A body without a timestamp cannot be judged by age; its digest still makes a replay a duplicate.
 */
export function isStaleJiraDelivery(timestamp: number | undefined, now: number, maxAgeMs: number): boolean {
  return timestamp !== undefined && now - timestamp > maxAgeMs;
}
