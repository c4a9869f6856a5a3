import { backoffMs, DEFAULT_RETRY_SCHEDULE, retryableStatus, retryAfterMs, type RetrySchedule } from './retry-schedule.js';

export interface SendWithRetriesDeps {
  /** One line per retry: why, and when. */
  err: NodeJS.WritableStream;
  schedule?: RetrySchedule;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

/** The final answer (its body already read as JSON, or `{}`), or the network error of the last attempt. */
export type SendResult = { ok: true; response: Response; body: Record<string, unknown> } | { ok: false; error: Error };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The network fault in a failed `fetch`, as undici words it in `cause` ("connect ECONNREFUSED …", "other side closed"). */
export function networkProblem(error: Error): string {
  return error.cause instanceof Error ? error.cause.message : error.message;
}

/**
 * Send a request, repeating it on network errors and retryable answers (see `retryableStatus`) with
 * exponential backoff and full jitter, honouring `Retry-After` up to a cap, within the schedule's budget.
 * The caller makes every attempt the same request (with the same Idempotency-Key).
 */
export async function sendWithRetries(send: () => Promise<Response>, deps: SendWithRetriesDeps): Promise<SendResult> {
  const schedule = deps.schedule ?? DEFAULT_RETRY_SCHEDULE;
  const now = deps.now ?? Date.now;
  const started = now();
  const attempts = schedule.retries + 1;
  for (let attempt = 1; ; attempt++) {
    let result: SendResult;
    let why: string;
    let asked: number | undefined;
    try {
      const response = await send();
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      result = { ok: true, response, body };
      const code = (body.error as { code?: unknown } | undefined)?.code;
      if (!retryableStatus(response.status, typeof code === 'string' ? code : undefined)) return result;
      why = `HTTP ${response.status}${typeof code === 'string' ? ` ${code}` : ''}`;
      asked = retryAfterMs(response.headers.get('retry-after'), now());
    } catch (error) {
      result = { ok: false, error: error as Error };
      why = networkProblem(error as Error);
    }
    const waitMs = asked !== undefined ? Math.min(asked, schedule.retryAfterCapMs) : backoffMs(attempt - 1, schedule, deps.random);
    if (attempt >= attempts || now() + waitMs - started > schedule.budgetMs) return result;
    deps.err.write(
      `donegate: attempt ${attempt} of ${attempts} failed (${why}); retrying in ${(waitMs / 1000).toFixed(1)} s${asked !== undefined ? ' as the server asked' : ''}\n`,
    );
    await (deps.sleep ?? sleepFor)(waitMs);
  }
}
