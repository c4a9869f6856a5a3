import type { IncomingMessage } from 'node:http';
import type { Logger } from './logger.js';

/**
 * The request's id, as the request-logging middleware set it (`req.id`); undefined outside a request or
 * where that middleware is not mounted (a router tested on its own).
 */
export function requestIdOf(req: IncomingMessage): string | undefined {
  const id: unknown = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** The request's child logger (every line carries its `requestId`), or `fallback` where there is none. */
export function requestLogOf(req: IncomingMessage, fallback: Logger): Logger {
  const log: unknown = (req as { log?: unknown }).log;
  return log !== undefined && requestIdOf(req) !== undefined ? (log as Logger) : fallback;
}
