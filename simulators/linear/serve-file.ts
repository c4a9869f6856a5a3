import type { ServerResponse } from 'node:http';
import { writeInChunks } from '../write-in-chunks.js';

/** A file the simulator answers with (uploads.linear.app's part), or an error status. */
export interface FileAnswer {
  status: number;
  content?: Buffer;
  contentType?: string;
  /** Written in chunks without `Content-Length`. */
  streamed?: boolean;
}

/** Writes the answer; a streamed body goes chunk by chunk, waiting for `drain`, so a client that stops reading stops it. */
export function serveFile(res: ServerResponse, answer: FileAnswer): void {
  const content = answer.content ?? Buffer.from(answer.status === 200 ? '' : `HTTP ${answer.status}`);
  res.writeHead(answer.status, {
    'content-type': answer.contentType ?? 'text/plain',
    ...(answer.streamed ? {} : { 'content-length': String(content.length) }),
  });
  if (!answer.streamed) {
    res.end(content);
    return;
  }
  writeInChunks(res, content);
}
