import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import { createLogger } from '../../src/logging/logger.js';
import type { EnqueueResult, EnqueueTransition } from '../../src/queue/enqueue-types.js';
import type { TicketCommand } from '../../src/domain/index.js';
import type { TicketTransition } from '../../src/domain/index.js';
import type { WebhookSettings } from '../../src/trackers/tracker-plugin.js';
import { mountWebhookRoutes } from '../../src/webhooks/mount-webhook-routes.js';

export const JIRA_SECRET = 'jira-test-secret-9f2c';
export const LINEAR_SECRET = 'lin_wh_test_secret_4b7e';
/** Ten years: the recorded Jira samples stay "fresh" for these tests; the replay window has its own tests. */
const RECORDED_SAMPLES_MAX_AGE_SECONDS = 10 * 365 * 24 * 3600;

/** A sample delivery body from `webhooks/<tracker>/<file>`, as the exact bytes and as an object. */
export function sample(tracker: 'jira' | 'linear', file: string): { text: string; json: Record<string, unknown> } {
  const text = readFileSync(join(process.cwd(), 'webhooks', tracker, file), 'utf8');
  return { text, json: JSON.parse(text) as Record<string, unknown> };
}

export interface WebhookTestServer {
  url: string;
  /** Every transition the receivers enqueued, in order. */
  enqueued: TicketTransition[];
  /** Every `/donegate` comment command the receivers enqueued, in order. */
  commands: TicketCommand[];
  /** Every log line, raw. */
  logLines: string[];
  close(): Promise<void>;
}

/** Records transitions (or commands); a second delivery id is a duplicate, like BullMQ with `jobId`. */
export function recordingEnqueue<Item extends { deliveryId: string }>(into: Item[] = []): (item: Item) => Promise<EnqueueResult> {
  const seen = new Set<string>();
  return async (item): Promise<EnqueueResult> => {
    into.push(item);
    const jobId = `job-${item.deliveryId}`;
    if (seen.has(item.deliveryId)) return { status: 'duplicate', jobId };
    seen.add(item.deliveryId);
    return { status: 'queued', jobId };
  };
}

export async function startWebhookServer(
  options: {
    jiraSecret?: string;
    linearSecret?: string;
    maxBytes?: number;
    enqueue?: EnqueueTransition;
    now?: () => number;
    /** Unset → wide enough for the recorded samples under `webhooks/jira/`, whose signed timestamps are months old. */
    jiraDeliveryMaxAgeSeconds?: number;
  } = {},
): Promise<WebhookTestServer> {
  const enqueued: TicketTransition[] = [];
  const commands: TicketCommand[] = [];
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      logLines.push(chunk.toString());
      callback();
    },
  });
  const app = express();
  mountWebhookRoutes(app, {
    webhooks: webhookSettings({
      jira: 'jiraSecret' in options ? options.jiraSecret : JIRA_SECRET,
      linear: 'linearSecret' in options ? options.linearSecret : LINEAR_SECRET,
    }, { jira: (options.jiraDeliveryMaxAgeSeconds ?? RECORDED_SAMPLES_MAX_AGE_SECONDS) * 1000 }),
    maxBytes: options.maxBytes ?? 64 * 1024,
    enqueue: options.enqueue ?? recordingEnqueue(enqueued),
    enqueueCommand: recordingEnqueue(commands),
    log: createLogger({ level: 'debug', destination }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    enqueued,
    commands,
    logLines,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function post(url: string, body: string | Uint8Array, headers: Record<string, string>): Promise<JsonAnswer> {
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A request with full control over framing (lying Content-Length, chunked streaming), via node:http. */
export function rawRequest(
  url: string,
  options: { method?: string; headers: Record<string, string | number>; chunks?: Array<Buffer | string>; end?: boolean },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'POST', headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    for (const chunk of options.chunks ?? []) request.write(chunk);
    if (options.end !== false) request.end();
    else request.flushHeaders();
  });
}

/** Poll a condition with a deadline (STYLE §12): log lines are written when the response finishes. */
export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Secrets by tracker (unset → that route is off) and replay windows, as `mountWebhookRoutes` takes them. */
function webhookSettings(
  secrets: Record<string, string | undefined>,
  maxAgeMs: Record<string, number>,
): Partial<Record<string, WebhookSettings>> {
  const settings: Partial<Record<string, WebhookSettings>> = {};
  for (const [name, secret] of Object.entries(secrets)) {
    if (secret !== undefined) settings[name] = { secret, ...(maxAgeMs[name] === undefined ? {} : { maxAgeMs: maxAgeMs[name] }) };
  }
  return settings;
}
