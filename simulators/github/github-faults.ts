export type GithubFaultKind =
  /** The hourly quota is spent: 403, `x-ratelimit-remaining: 0`, `x-ratelimit-reset` in the future. */
  | 'primary-rate-limit'
  /** Too many requests at once: 403 with `retry-after` and GitHub's "secondary rate limit" message. */
  | 'secondary-rate-limit'
  | 'bad-credentials'
  | 'server-error';

export interface GithubFault {
  /** The `operationId` (`issues/update`) or `graphql` to fail; any request when absent. */
  operation?: string;
  kind: GithubFaultKind;
  /** For rate limits: how long GitHub asks to wait, in whole seconds. Default 1. */
  retryAfterSeconds?: number;
  /** How many matching requests fail. Default 1. */
  times?: number;
}

export interface FaultAnswer {
  status: number;
  headers: Record<string, string>;
  body: { message: string; documentation_url: string };
}

const DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';

/** Faults armed by tests; each matching request consumes one, in the order they were armed. */
export function createGithubFaults() {
  let pending: Array<GithubFault & { remaining: number }> = [];
  return {
    arm(fault: GithubFault): void {
      pending.push({ ...fault, remaining: fault.times ?? 1 });
    },
    clear(): void {
      pending = [];
    },
    take(operation: string): GithubFault | undefined {
      const fault = pending.find((candidate) => candidate.operation === undefined || candidate.operation === operation);
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) pending = pending.filter((candidate) => candidate !== fault);
      return fault;
    },
  };
}

/** What GitHub answers for each fault (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api). */
export function faultAnswer(fault: GithubFault, now = Date.now()): FaultAnswer {
  const wait = fault.retryAfterSeconds ?? 1;
  switch (fault.kind) {
    case 'primary-rate-limit':
      return {
        status: 403,
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.ceil(now / 1000) + wait),
          'x-ratelimit-resource': 'core',
        },
        body: { message: 'API rate limit exceeded for installation.', documentation_url: DOCS },
      };
    case 'secondary-rate-limit':
      return {
        status: 403,
        headers: { 'retry-after': String(wait) },
        body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS },
      };
    case 'bad-credentials':
      return { status: 401, headers: {}, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };
    case 'server-error':
      return { status: 502, headers: {}, body: { message: 'Server Error', documentation_url: 'https://docs.github.com/rest' } };
  }
}
