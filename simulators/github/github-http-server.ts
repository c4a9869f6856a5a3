import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from '../listen-on-loopback.js';

export interface HttpExchange {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  /** Parsed JSON, `undefined` without a body; `invalid` when the bytes were not JSON. */
  body: unknown;
  invalidJson: boolean;
}

export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** A JSON-over-HTTP server on 127.0.0.1 that hands each request, read whole, to `handle`. */
export async function startGithubHttpServer(handle: (exchange: HttpExchange) => HttpReply): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    readJson(req)
      .then(({ body, invalidJson }) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        send(res, handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, authorization: req.headers.authorization, body, invalidJson }));
      })
      .catch(() => send(res, { status: 413, body: { message: 'Payload too large' } }));
  });
  return listenOnLoopback(server);
}

function send(res: ServerResponse, reply: HttpReply): void {
  const headers = { ...reply.headers, ...(reply.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }) };
  res.writeHead(reply.status, headers).end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
}

async function readJson(req: IncomingMessage): Promise<{ body: unknown; invalidJson: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk);
  }
  if (size === 0) return { body: undefined, invalidJson: false };
  try {
    return { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown, invalidJson: false };
  } catch {
    return { body: undefined, invalidJson: true };
  }
}
