import type { RequestHandler, Response } from 'express';
import type { Logger } from '../logging/logger.js';
import { requestIdOf } from '../logging/request-logger.js';
import type { TrackerName } from '../domain/index.js';

/** Facts gathered while a delivery is handled; written as one log line when the answer is sent. */
export interface DeliveryLogContext {
  deliveryId?: string;
  /**
   * The tracker's own delivery-id header when donegate keys the delivery on something else (Jira: the body
   * digest), so a line can still be matched with the tracker's delivery log.
   */
  trackerDeliveryId?: string;
  ticketKey?: string;
  outcome?: string;
  /** Answered 2xx but worth an operator's eye (a replayed, stale delivery): logged at warn. */
  suspicious?: boolean;
  /** Only for unexpected failures (500). Never the body. */
  error?: unknown;
}

const contexts = new WeakMap<Response, DeliveryLogContext>();

export function deliveryLog(res: Response): DeliveryLogContext {
  let context = contexts.get(res);
  if (context === undefined) {
    context = {};
    contexts.set(res, context);
  }
  return context;
}

/**
 * One line per delivery (tracker, deliveryId, ticketKey, outcome, status), written when the response
 * finishes or the connection drops. Only the fields above are logged: never headers, body or secret.
 */
export function startDeliveryLog(tracker: TrackerName, log: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req);
    const started = process.hrtime.bigint();
    const context = deliveryLog(res);
    let written = false;
    const write = (aborted: boolean): void => {
      if (written) return;
      written = true;
      const status = res.statusCode;
      const line = {
        tracker,
        deliveryId: context.deliveryId,
        ...(context.trackerDeliveryId === undefined ? {} : { trackerDeliveryId: context.trackerDeliveryId }),
        ticketKey: context.ticketKey,
        ...(requestId === undefined ? {} : { requestId }),
        outcome: aborted ? 'aborted' : (context.outcome ?? `http-${status}`),
        status,
        durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
        ...(context.error === undefined ? {} : { err: context.error }),
      };
      // One call on the shared logger, not a child per delivery: a pino child re-serialises its bindings
      // through the redaction rules, which cost more than the rest of this line.
      if (status >= 500) log.error(line, 'webhook delivery');
      else if (status >= 400 || aborted || context.suspicious === true) log.warn(line, 'webhook delivery');
      else log.info(line, 'webhook delivery');
    };
    res.once('finish', () => write(false));
    res.once('close', () => write(!res.writableFinished));
    next();
  };
}
