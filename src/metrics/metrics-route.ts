import { Router } from 'express';
import type { Registry } from 'prom-client';

/** `GET /metrics`: the registry in Prometheus text format. */
export function createMetricsRoute(registry: Registry): Router {
  const router = Router();
  router.get('/metrics', async (_req, res, next) => {
    try {
      const text = await registry.metrics();
      res.setHeader('content-type', registry.contentType);
      res.send(text);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
