import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DEFAULT_INFLATE_LIMITS, limitInflation, type InflateLimits } from './inflate-limits.js';

export interface FileChunks {
  /** The file's content, gunzipped when it starts with the gzip magic bytes; a bomb throws `InflateLimitError`. */
  chunks: AsyncIterable<Buffer>;
  gzip: boolean;
  /** Bytes read from disk so far. */
  bytesRead(): number;
  /** sha256 (hex) of the bytes as stored; call after `chunks` is exhausted. */
  sha256(): string;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Streams an open file once: every stored byte goes through the sha256 and the size count on the way to
 * the decoder, and gzip is recognised by its magic bytes, not by the name, and inflated on the fly within `limits`.
 */
export async function openFileChunks(handle: FileHandle, limits: InflateLimits = DEFAULT_INFLATE_LIMITS, highWaterMark = 1 << 18): Promise<FileChunks> {
  const hash = createHash('sha256');
  let size = 0;
  const raw = handle.createReadStream({ highWaterMark })[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await raw.next();

  async function* stored(): AsyncGenerator<Buffer> {
    for (let next = first; !next.done; next = await raw.next()) {
      hash.update(next.value);
      size += next.value.length;
      yield next.value;
    }
  }

  const head = first.done ? undefined : first.value;
  const gzip = head !== undefined && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  let chunks: AsyncIterable<Buffer> = stored();
  if (gzip) {
    const gunzip = createGunzip();
    // pipeline destroys the gunzip stream with the source's error, so iterating it throws instead of hanging.
    pipeline(Readable.from(stored()), gunzip, () => undefined);
    chunks = limitInflation(gunzip, () => gunzip.bytesWritten, limits);
  }
  return { chunks, gzip, bytesRead: () => size, sha256: () => hash.digest('hex') };
}
