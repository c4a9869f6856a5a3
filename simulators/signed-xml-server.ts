import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from './listen-on-loopback.js';
import { verifySigV4, type SignatureCheck } from './s3/verify-sigv4.js';

export interface XmlReply {
  status: number;
  body: string;
}

export type SignedRequest = IncomingMessage & { signature: Extract<SignatureCheck, { ok: true }> };

/**
 * A loopback server for an AWS XML service: reads the body, verifies SigV4 against `secrets`, and sends
 * `handle`'s answer (`signatureError` when the signature fails) as XML with a request id.
 */
export async function serveSignedXml(
  secrets: ReadonlyMap<string, string>,
  handle: (request: SignedRequest, body: Buffer, requestId: string) => XmlReply,
  signatureError: (failure: Extract<SignatureCheck, { ok: false }>, requestId: string) => XmlReply,
): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const requestId = randomBytes(8).toString('hex').toUpperCase();
      const signature = verifySigV4(request, secrets, body);
      const reply = signature.ok ? handle(Object.assign(request, { signature }), body, requestId) : signatureError(signature, requestId);
      const bytes = Buffer.from(reply.body);
      response.writeHead(reply.status, { 'content-type': 'text/xml', 'content-length': String(bytes.length), 'x-amz-request-id': requestId, 'x-amzn-requestid': requestId });
      response.end(bytes);
    });
  });
  return listenOnLoopback(server);
}
