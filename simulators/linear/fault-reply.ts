import type { LinearFault } from './fault-queue.js';
import {
  authenticationError,
  entityNotFound,
  forbiddenError,
  internalError,
  ratelimitedError,
} from './linear-error-bodies.js';

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The response Linear gives for each injectable fault. `rootField` is where a not-found error points. */
export function faultReply(fault: LinearFault, rootField: string | undefined): FaultReply {
  switch (fault.kind) {
    case 'ratelimited': {
      // Linear answers HTTP 400 with extensions.code RATELIMITED; @linear/sdk's RatelimitedLinearError
      // reads `retry-after` (seconds) and the `x-ratelimit-*` headers (reset times in epoch ms).
      const retryAfterMs = fault.retryAfterMs ?? 1000;
      const resetAt = String(Date.now() + retryAfterMs);
      return {
        status: 400,
        headers: {
          'retry-after': String(Math.ceil(retryAfterMs / 1000)),
          'x-ratelimit-requests-limit': '5000',
          'x-ratelimit-requests-remaining': '0',
          'x-ratelimit-requests-reset': resetAt,
          'x-ratelimit-complexity-limit': '3000000',
          'x-ratelimit-complexity-remaining': '0',
          'x-ratelimit-complexity-reset': resetAt,
        },
        body: { errors: [ratelimitedError()] },
      };
    }
    case 'authentication':
      return { status: 400, headers: {}, body: { errors: [authenticationError()] } };
    case 'forbidden':
      return { status: 400, headers: {}, body: { errors: [forbiddenError()] } };
    case 'not-found': {
      const notFound = entityNotFound('Issue');
      const error = { message: notFound.message, ...(rootField ? { path: [rootField] } : {}), extensions: notFound.extensions };
      return { status: 200, headers: {}, body: { data: null, errors: [error] } };
    }
    case 'server-error':
      return { status: 500, headers: {}, body: { errors: [internalError()] } };
  }
}
