import type { ServerResponse } from 'node:http';

const CHUNK_BYTES = 16 * 1024;

/**
 * End the response with `content` written in chunks, each only after the client has taken the previous
 * one (`drain`), so a client that stops reading stops the server too. How the simulators serve files
 * "streamed", without Content-Length.
 */
export function writeInChunks(res: ServerResponse, content: Buffer): void {
  let offset = 0;
  const next = (): void => {
    while (offset < content.length && !res.destroyed) {
      const chunk = content.subarray(offset, offset + CHUNK_BYTES);
      offset += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', next);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  next();
}
