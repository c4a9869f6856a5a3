import type { ZodOpenApiResponseObject } from 'zod-openapi';
import { apiErrorSchema } from '../send-error.js';

/** A described error answer: `{"error":{"code","message"}}`, with the codes this status carries on this route. */
export function errorResponse(codes: readonly string[], when: string): ZodOpenApiResponseObject {
  return { description: `${when} (${codes.join(', ')}).`, content: { 'application/json': { schema: apiErrorSchema } } };
}
