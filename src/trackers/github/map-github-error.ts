import { z } from 'zod';
import { TrackerPermanentError, TrackerRateLimitedError, TrackerUnavailableError } from '../errors.js';
import { githubRetryAfterMs, SECONDARY_LIMIT_WAIT_MS } from './github-retry-after.js';

/** What an octokit `RequestError` carries that matters here; its `request` (with the body sent) is never read. */
const requestErrorShape = z.object({
  status: z.number().int(),
  message: z.string(),
  response: z.object({ headers: z.record(z.string(), z.unknown()) }).optional(),
});

/** An octokit `GraphqlResponseError`: HTTP 200, with GitHub's `errors[].type` saying what went wrong. */
const graphqlErrorShape = z.object({ errors: z.array(z.object({ type: z.string().optional(), message: z.string().optional() })).min(1) });

function header(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Turns what octokit throws into the tracker errors the worker decides on: rate limits (primary and
 * secondary) → TrackerRateLimitedError, 401/403/404/410/422 → TrackerPermanentError, 5xx and failed
 * connections → TrackerUnavailableError. Messages name the variable to fix; GitHub's message is kept to
 * its first line and 200 characters, and the request (which may hold a comment body) is never quoted.
 *
 * @param action what donegate was doing, for the message ("reading acme/ml#7").
 */
export function mapGithubError(error: unknown, action: string): Error {
  const graphql = graphqlErrorShape.safeParse(error);
  if (graphql.success) return mapGraphqlErrors(graphql.data.errors, action);
  const parsed = requestErrorShape.safeParse(error);
  if (!parsed.success) {
    const reason = error instanceof Error ? error.message : String(error);
    return new TrackerUnavailableError('github', `GitHub could not be reached while ${action}: ${reason.slice(0, 200)}`);
  }
  const { status, message, response } = parsed.data;
  const said = message.split('\n')[0]?.slice(0, 200) ?? '';
  const headers = response?.headers ?? {};
  const retryAfterMs = githubRetryAfterMs(
    status,
    {
      'retry-after': header(headers, 'retry-after'),
      'x-ratelimit-remaining': header(headers, 'x-ratelimit-remaining'),
      'x-ratelimit-reset': header(headers, 'x-ratelimit-reset'),
    },
    said,
  );
  if (retryAfterMs !== undefined) return new TrackerRateLimitedError('github', retryAfterMs);
  if (status === 401) {
    return new TrackerPermanentError(
      'github',
      'unauthorized',
      `GitHub refused the credentials while ${action}: check GITHUB_TOKEN, or GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID.`,
      status,
    );
  }
  if (status === 403) {
    return new TrackerPermanentError(
      'github',
      'forbidden',
      `GitHub refused ${action} (${said}): the token or App needs Issues read/write (and Projects read/write for project boards) on the repository.`,
      status,
    );
  }
  if (status === 404 || status === 410) {
    return new TrackerPermanentError('github', 'not-found', `GitHub has no such issue or comment while ${action}: it may be deleted, transferred, or in a repository the credentials cannot see.`, status);
  }
  if (status >= 400 && status < 500) {
    return new TrackerPermanentError('github', 'invalid-request', `GitHub refused the request while ${action}: ${said}`, status);
  }
  return new TrackerUnavailableError('github', `GitHub failed while ${action}: ${said}`, status);
}

/** GraphQL reports faults in the body; its types are documented at https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api. */
function mapGraphqlErrors(errors: Array<{ type?: string | undefined; message?: string | undefined }>, action: string): Error {
  const types = new Set(errors.map((e) => e.type));
  const said = (errors[0]?.message ?? '').split('\n')[0]?.slice(0, 200) ?? '';
  if (types.has('RATE_LIMITED')) return new TrackerRateLimitedError('github', SECONDARY_LIMIT_WAIT_MS);
  if (types.has('NOT_FOUND')) return new TrackerPermanentError('github', 'not-found', `GitHub has no such project item while ${action}: ${said}`);
  if (types.has('FORBIDDEN') || types.has('INSUFFICIENT_SCOPES')) {
    return new TrackerPermanentError('github', 'forbidden', `GitHub refused ${action} (${said}): the token or App needs Projects read/write on the organization's project.`);
  }
  return new TrackerPermanentError('github', 'invalid-request', `GitHub refused the request while ${action}: ${said}`);
}
