import type { ZodOpenApiResponseObject } from 'zod-openapi';
import { errorResponse } from './error-response.js';

/**
 * The answers of a route whose body `express.json` reads, beyond its own: what `client-error.ts` answers
 * when the parser refuses the body. The route's own 400 codes share the 400 entry with MALFORMED_JSON.
 */
export function jsonBodyResponses(
  limit: string,
  invalid: { codes: readonly string[]; when: string },
): Record<400 | 413 | 415, ZodOpenApiResponseObject> {
  return {
    400: errorResponse([...invalid.codes, 'MALFORMED_JSON'], `${invalid.when}, or the body is not valid JSON`),
    413: errorResponse(['PAYLOAD_TOO_LARGE'], `The body is larger than ${limit}`),
    415: errorResponse(['UNSUPPORTED_CHARSET', 'UNSUPPORTED_ENCODING'], 'The body is not UTF-8, or its Content-Encoding is not identity, gzip, deflate or br'),
  };
}
