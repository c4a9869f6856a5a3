import { z } from 'zod';
import { fromTokenListing, tokenListingSchema } from '../auth/token-listing.js';
import { callApi, type ServiceTarget } from './api-client.js';
import type { TokenBackend } from './token-backend.js';

const recordAnswer = z.object({ record: tokenListingSchema });

/** The token commands against a running service (`/api/v1/tokens`), audited there as the calling token. */
export function apiTokenBackend(target: ServiceTarget): TokenBackend {
  return {
    async create(input) {
      const result = await callApi(target, 'POST', 'tokens', recordAnswer.extend({ token: z.string() }), input);
      return result.ok ? { ok: true, token: result.body.token, record: fromTokenListing(result.body.record) } : result;
    },
    async list() {
      const result = await callApi(target, 'GET', 'tokens', z.object({ tokens: z.array(tokenListingSchema) }));
      return result.ok ? { ok: true, records: result.body.tokens.map(fromTokenListing) } : result;
    },
    async revoke(nameOrId) {
      const result = await callApi(target, 'POST', `tokens/${encodeURIComponent(nameOrId)}/revoke`, recordAnswer);
      return result.ok ? { ok: true, record: fromTokenListing(result.body.record) } : result;
    },
  };
}
