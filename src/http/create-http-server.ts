import http from 'node:http';
import type { Express } from 'express';
import { holdContinue } from '../webhooks/expect-continue.js';

/**
 * The HTTP server for the app. Requests sent with `Expect: 100-continue` reach the app without Node's
 * automatic `100 Continue`, so an oversized webhook is refused with 413 before its body is sent; every
 * route that reads a body sends the `100 Continue` itself (`sendContinue`).
 */
export function createHttpServer(app: Express): http.Server {
  const server = http.createServer(app);
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    holdContinue(req);
    server.emit('request', req, res);
  });
  return server;
}
