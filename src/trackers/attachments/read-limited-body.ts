import { AttachmentTooLargeError } from './attachment-errors.js';
import type { TrackerName } from '../../domain/index.js';

/**
 * Reads a response body chunk by chunk, counting bytes, and cancels the stream the moment more than
 * `maxBytes` have arrived: a server that lies about (or omits) the size cannot make us hold more than
 * `maxBytes` plus one chunk.
 */
export async function readLimitedBody(
  body: ReadableStream<Uint8Array> | null,
  limit: { tracker: TrackerName; filename: string; maxBytes: number },
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limit.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new AttachmentTooLargeError(limit.tracker, limit.filename, limit.maxBytes, 'streamed-bytes', received);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, received);
}
