import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveFile, type FileAnswer } from './serve-file.js';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** Called once the response is written, so observers see a request only after its answer left. */
  done?(): void;
}

export type HttpHandler = (authorization: string | undefined, rawBody: string) => Promise<HttpAnswer>;

/** GET /files/…: the simulator's uploads.linear.app. */
export type FileHandler = (path: string, authorization: string | undefined) => FileAnswer;

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** POST /graphql and GET /files/… on 127.0.0.1 and a random port; everything else is 404. */
export async function startGraphqlHttpServer(
  handler: HttpHandler,
  files?: FileHandler,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = req.url?.split('?')[0] ?? '';
    if (files && req.method === 'GET' && path.startsWith('/files/')) {
      serveFile(res, files(path, req.headers.authorization));
      return;
    }
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/graphql') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    readBody(req)
      .then(async (raw) => {
        const answer = await handler(req.headers.authorization, raw);
        res
          .writeHead(answer.status, { ...answer.headers, 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify(answer.body));
        answer.done?.();
      })
      .catch((error: unknown) => {
        const tooLarge = error instanceof BodyTooLargeError;
        if (!res.headersSent) res.writeHead(tooLarge ? 413 : 500, { 'content-type': 'text/plain' });
        res.end(tooLarge ? 'Payload too large' : 'Internal server error');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Closing twice is fine: a test may stop Linear to simulate an outage, then clean up as usual.
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK's fetch keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
