import type http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import express from 'express';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { mountWebhookRoutes } from '../../src/webhooks/mount-webhook-routes.js';
import { captureLog } from '../support/capture-log.js';

/** WEBHOOK_MAX_BYTES's default. */
const MAX_BYTES = 5 * 1024 * 1024;
const SIX_MB = Buffer.alloc(6_000_000, 0x20);
const TRIES = 20;

interface Outcome {
  status?: number;
  body?: string;
  error?: string;
  sentBody: boolean;
}

const HEAD = (port: number, extra = '') =>
  `POST /webhooks/jira HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${SIX_MB.length}\r\n` +
  `X-Hub-Signature: sha256=${'0'.repeat(64)}\r\nConnection: close\r\n${extra}\r\n`;

/** Status and body of the one HTTP/1.1 answer in `raw` (none when the connection broke first). */
function parseAnswer(raw: string): { status?: number; body?: string } {
  const match = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(raw);
  return match ? { status: Number(match[1]), body: match[2] } : {};
}

/**
 * One POST of a 6 MB body with its Content-Length over a fresh node:net socket. Plain: the whole body is
 * sent, then the answer read, as many HTTP clients do. With `Expect: 100-continue`: the body is sent only
 * after a `100 Continue`; a final answer instead means it is never sent.
 */
function postSixMegabytes(port: number, expectContinue: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { sentBody: false };
    let raw = '';
    const socket = net.connect(port, '127.0.0.1');
    const sendBody = () => {
      outcome.sentBody = true;
      socket.write(SIX_MB);
    };
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('latin1');
      if (raw.startsWith('HTTP/1.1 100') && raw.includes('\r\n\r\n') && !outcome.sentBody) {
        raw = raw.slice(raw.indexOf('\r\n\r\n') + 4);
        sendBody();
      }
    });
    // A broken pipe or reset instead of a cleanly closed answer is the failure this test is about.
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ ...outcome, error: error.code ?? error.message }));
    socket.on('close', (hadError) => {
      if (!hadError) resolve({ ...outcome, ...parseAnswer(raw) });
    });
    socket.write(HEAD(port, expectContinue ? 'Expect: 100-continue\r\n' : ''));
    if (!expectContinue) sendBody();
  });
}

/**
 * The failure: a body over WEBHOOK_MAX_BYTES was sometimes answered with a reset connection instead of the
 * 413 (the server answered and closed while the client was still sending), so the sender saw a network error
 * and retried instead of learning why. Over a real socket, every try must read the 413 and its reason.
 */
describe('a 6 MB webhook body over a real socket', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    const app = express();
    const noQueue = () => Promise.reject(new Error('an oversized body must never reach the queue'));
    mountWebhookRoutes(app, { webhooks: { jira: { secret: 'jira-secret' } }, maxBytes: MAX_BYTES, enqueue: noQueue, enqueueCommand: noQueue, log: captureLog().log });
    server = createHttpServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ({ port } = server.address() as AddressInfo);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it(`reads a 413 with its reason on each of ${TRIES} tries when the whole body is sent with Content-Length before reading`, async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < TRIES; i++) outcomes.push(await postSixMegabytes(port, false));

    expect(outcomes.map((o) => o.error ?? o.status)).toEqual(Array(TRIES).fill(413));
    for (const outcome of outcomes) expect(JSON.parse(outcome.body!)).toMatchObject({ error: { code: 'WEBHOOK_PAYLOAD_TOO_LARGE' } });
  });

  it(`reads a 413 on each of ${TRIES} tries with Expect: 100-continue, before sending the body`, async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < TRIES; i++) outcomes.push(await postSixMegabytes(port, true));

    expect(outcomes.map((o) => o.error ?? o.status)).toEqual(Array(TRIES).fill(413));
    expect(outcomes.filter((o) => o.sentBody)).toEqual([]);
    for (const outcome of outcomes) expect(JSON.parse(outcome.body!)).toMatchObject({ error: { code: 'WEBHOOK_PAYLOAD_TOO_LARGE' } });
  });
});
