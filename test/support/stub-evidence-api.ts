import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubEvidenceApi {
  url: string;
  /** `METHOD /path body` of every request, in arrival order. */
  received: string[];
  /** The status the next answers carry: 201 answers as the API accepts evidence, anything else as an error. */
  status: number;
  /**
   * Answers to give before falling back to `status`, one per request, in order: a status (with headers,
   * e.g. `Retry-After`), or `reset` to drop the connection without answering, as a lost answer looks.
   */
  script: Array<number | 'reset' | { status: number; headers: Record<string, string> }>;
  /** The headers of every request, in arrival order. */
  headers: IncomingHttpHeaders[];
  close: () => Promise<void>;
}

/**
 * Stands in for donegate's `POST /api/v1/evidence` for CLI tests: keeps what arrived and answers with the
 * API's shapes, the accepted evidence reported in `format` and `summary`.
 */
export async function startStubEvidenceApi(answer: { format: string; summary: string }): Promise<StubEvidenceApi> {
  const stub = { received: [] as string[], status: 201, script: [] as StubEvidenceApi['script'], headers: [] as IncomingHttpHeaders[] };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      stub.received.push(`${request.method} ${request.url} ${body}`);
      stub.headers.push(request.headers);
      const next = stub.script.shift() ?? stub.status;
      if (next === 'reset') {
        request.socket.destroy();
        return;
      }
      const status = typeof next === 'number' ? next : next.status;
      response.writeHead(status, { 'content-type': 'application/json', ...(typeof next === 'number' ? {} : next.headers) });
      response.end(
        status === 201
          ? JSON.stringify({ evidence: { id: 'e1', ...answer, details: [], sha256: 'f'.repeat(64) }, reevaluation: 'queued' })
          : JSON.stringify({ error: { code: 'unavailable', message: 'try again' } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(stub, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
