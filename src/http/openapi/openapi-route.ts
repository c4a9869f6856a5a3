import { Router } from 'express';
import type { ZodOpenApiPathsObject } from 'zod-openapi';

/**
 * `GET /api/v1/openapi.json`: the API's description, without a token (it describes the routes and holds
 * nothing secret). The document is built once, by the caller at start-up, and served as is.
 */
export function createOpenApiRoute(document: object): Router {
  const router = Router();
  const body = JSON.stringify(document);
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(body);
  });
  return router;
}

export const openApiDocumentPaths: ZodOpenApiPathsObject = {
  '/openapi.json': {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This description of the API',
      description: 'The OpenAPI 3.1 document of `/api/v1`. Needs no token.',
      security: [],
      responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
};
