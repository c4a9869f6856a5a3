import type { RequestHandler, Response } from 'express';
import { deliveryOutcome } from './delivery-outcome.js';
import type { Metrics } from './create-metrics.js';

/**
 * Counts each delivery to one tracker's webhook once its answer is sent. `loggedOutcome` reads the outcome
 * the receiver noted for the delivery log (`accepted`, `duplicate`, `ignored:<reason>`, …).
 */
export function countDeliveries(
  metrics: Pick<Metrics, 'deliveries'>,
  tracker: string,
  loggedOutcome: (res: Response) => string | undefined,
): RequestHandler {
  return (_req, res, next) => {
    res.once('finish', () => {
      const status = res.statusCode;
      metrics.deliveries.inc({ tracker, outcome: deliveryOutcome(loggedOutcome(res), status), status: String(status) });
    });
    next();
  };
}
