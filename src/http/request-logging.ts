import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logging/logger.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What an incoming id may look like to be kept: short, and nothing that could forge or break a log line. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Longest path written to the request line; a longer one is cut (the HTTP server caps the whole head at 16 kB). */
const MAX_LOGGED_PATH = 200;

/**
 * The caller's `X-Request-Id` when it is a short safe token, so a line can be matched with a proxy's or
 * tracker's log; anything else (several headers, newlines, 10 kB) is replaced by a fresh UUID, never logged.
 */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Mounted first: gives every request its id, echoed as `X-Request-Id` on every answer (errors and 404s
 * included) and bound to `req.log`, a child logger; writes one line per request when it is answered —
 * method, path without the query string, status, duration — and never a header or a body.
 */
export function createRequestLogging(log: Logger): RequestHandler {
  const middleware = pinoHttp<IncomingMessage, ServerResponse>({
    logger: log,
    genReqId: (req, res) => {
      const id = requestIdFor(req.headers['x-request-id']);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // The child loggers carry only the id: pino-http's own request and response serializers include headers.
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    customLogLevel: () => 'info',
    customSuccessObject: (req, res, val: { responseTime: number }) => requestLine(req, res, val.responseTime),
    customErrorObject: (req, res, _error, val: { responseTime: number }) => requestLine(req, res, val.responseTime),
    customSuccessMessage: (req) => (req.readableAborted ? 'request aborted' : 'request'),
    customErrorMessage: () => 'request',
  });
  return middleware as unknown as RequestHandler;
}

function requestLine(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  // `originalUrl`: Express rewrites `url` inside routers. The query is dropped: its values may carry data.
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
  const path = url.split('?', 1)[0] ?? '';
  return {
    method: req.method,
    path: path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path,
    status: res.statusCode,
    durationMs,
  };
}
