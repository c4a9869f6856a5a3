import type { Server } from 'node:http';
import express from 'express';
import { createHealthRoutes, type ReadinessCheck } from '../http/health-routes.js';
import type { Metrics } from '../metrics/create-metrics.js';
import { createMetricsRoute } from '../metrics/metrics-route.js';

/** A worker's own port (`METRICS_PORT`, else `PORT`): `/healthz`, `/readyz` and `/metrics`, nothing else. */
export function startMetricsServer(port: number, metrics: Metrics, readiness: ReadinessCheck[]): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.use(createHealthRoutes(readiness));
  app.use(createMetricsRoute(metrics.registry));
  return new Promise((resolve, reject) => {
    const server = app.listen(port);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}
