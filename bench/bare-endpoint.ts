import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface BareEndpoint {
  url: string;
  close(): Promise<void>;
}

/**
 * The floor to compare the receiver with: express 5, `express.raw()` over the same body sizes and limit,
 * then 202 with a small JSON answer like the receiver's — no signature, no parsing, no Redis.
 */
export async function startBareEndpoint(maxBytes: number): Promise<BareEndpoint> {
  const app = express();
  app.disable('x-powered-by');
  app.post('/bare', express.raw({ type: () => true, limit: maxBytes, inflate: false }), (req, res) => {
    res.status(202).json({ status: 'accepted', bytes: (req.body as Buffer).length });
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1');
    listening.once('listening', () => resolve(listening));
    listening.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bare`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
