import {
  TrackerPermanentError,
  TrackerRateLimitedError,
  TrackerUnavailableError,
  type PermanentFault,
} from '../errors.js';
import { parseRetryAfter } from './parse-retry-after.js';

/**
 * What jira.js throws, read structurally: an `HttpException` with `status` whose `cause` is the axios
 * error (headers live there), or a bare axios error when no response came back.
 */
interface ErrorShape {
  code?: unknown;
  response?: { status?: unknown; headers?: unknown; data?: unknown };
  cause?: { response?: { status?: unknown; headers?: unknown; data?: unknown } };
}

/**
 * Turns a jira.js failure into the tracker error that carries the decision (retry later, stop, back
 * off). The original error is deliberately not attached as `cause`: axios keeps the request config,
 * whose `Authorization` header holds the API token, and a logger would print it.
 */
export function mapJiraError(error: unknown, action: string): Error {
  if (
    error instanceof TrackerPermanentError ||
    error instanceof TrackerRateLimitedError ||
    error instanceof TrackerUnavailableError
  ) {
    return error;
  }
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const response = shape.cause?.response ?? shape.response;
  const status = typeof response?.status === 'number' ? response.status : undefined;

  if (status === undefined) {
    const code = typeof shape.code === 'string' ? ` (${shape.code})` : '';
    return new TrackerUnavailableError('jira', `Jira did not answer while trying to ${action}${code}; will retry.`);
  }
  const detail = jiraErrorDetail(response?.data);
  if (status === 429) {
    const headers = response?.headers;
    return new TrackerRateLimitedError('jira', parseRetryAfter(header(headers, 'retry-after'), header(headers, 'x-ratelimit-reset')));
  }
  if (status >= 500) {
    return new TrackerUnavailableError('jira', `Jira answered ${status} while trying to ${action}${detail}; will retry.`, status);
  }
  const [fault, hint] = permanentFault(status);
  return new TrackerPermanentError('jira', fault, `Jira answered ${status} while trying to ${action}${detail}. ${hint}`, status);
}

function permanentFault(status: number): [PermanentFault, string] {
  switch (status) {
    case 401:
      return ['unauthorized', 'Check JIRA_EMAIL and JIRA_API_TOKEN (an API token from id.atlassian.com for that email) and JIRA_BASE_URL.'];
    case 403:
      return ['forbidden', "Give donegate's Jira account the project permissions it needs (browse, transition, comment, edit issues)."];
    case 404:
      return ['not-found', 'The issue was deleted or moved, or donegate\'s account cannot see it.'];
    default:
      return ['invalid-request', 'Jira refused the request; see its message above.'];
  }
}

/** Jira's `errorMessages` and `errors`, shortened: enough to act on, never a whole response. */
function jiraErrorDetail(data: unknown): string {
  if (typeof data !== 'object' || data === null) return '';
  const body = data as { errorMessages?: unknown; errors?: unknown };
  const messages = Array.isArray(body.errorMessages) ? body.errorMessages.filter((m) => typeof m === 'string') : [];
  const fields =
    typeof body.errors === 'object' && body.errors !== null
      ? Object.entries(body.errors).map(([field, message]) => `${field}: ${String(message)}`)
      : [];
  const text = [...messages, ...fields].join('; ');
  return text ? ` (${text.length > 300 ? `${text.slice(0, 297)}...` : text})` : '';
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
  }
  return undefined;
}
