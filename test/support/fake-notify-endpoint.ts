import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * A local stand-in for a Slack incoming webhook or any webhook receiver: records each POST and answers 200,
 * or the statuses queued with `answerNext` (with headers, such as `Retry-After`), in order.
 */
export async function startFakeNotifyEndpoint(): Promise<{
  url: string;
  received: ReceivedPost[];
  /** Every POST, refused ones too. */
  tried: ReceivedPost[];
  answerNext(status: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}> {
  const received: ReceivedPost[] = [];
  const tried: ReceivedPost[] = [];
  const answers: Array<{ status: number; headers: Record<string, string> }> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = answers.shift();
      const post = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      tried.push(post);
      if (answer === undefined) received.push(post);
      response.writeHead(answer?.status ?? 200, { 'content-type': 'text/plain', ...answer?.headers });
      response.end(answer === undefined ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/secret-part`,
    received,
    tried,
    answerNext: (status, headers = {}) => answers.push({ status, headers }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
