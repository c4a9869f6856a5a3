import { NotifyChannelError, NotifyDeliveryError, NotifyRateLimitedError } from './notify-errors.js';

const TIMEOUT_MS = 10_000;
/** Without a usable `Retry-After`, a 429 waits this long. */
const DEFAULT_RETRY_AFTER_MS = 30_000;
const MAX_RETRY_AFTER_MS = 15 * 60_000;

/**
 * POST a JSON body and sort the answer: 2xx is delivered; 429 waits for `Retry-After`; 408, 5xx and network
 * faults are retried; any other 4xx is a channel that will not work as configured. Errors name the channel
 * only: the URL (a Slack webhook URL is itself the secret) never reaches a message or a log line.
 */
export async function postJson(channel: string, url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : 'could not connect';
    throw new NotifyDeliveryError(`notification channel "${channel}": ${why}`);
  }
  if (response.ok) return response;
  await response.body?.cancel();
  if (response.status === 429) {
    throw new NotifyRateLimitedError(`notification channel "${channel}" is rate limited (429)`, retryAfterMs(response.headers.get('retry-after')));
  }
  if (response.status === 408 || response.status >= 500) throw new NotifyDeliveryError(`notification channel "${channel}" answered ${response.status}`);
  throw new NotifyChannelError(
    `notification channel "${channel}" refused the message (${response.status}); check the URL or token in its variable and that the app may post there`,
  );
}

/** `Retry-After` in seconds (Slack's form) or an HTTP date, kept within reason. */
function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : DEFAULT_RETRY_AFTER_MS;
}
