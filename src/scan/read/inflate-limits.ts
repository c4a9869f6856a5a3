/**
 * How far a gzip file may inflate before the scanner refuses it as a decompression bomb. A 163 kB file of
 * zeros inflates to 64 MiB, and gzip reaches about 1,000:1; real datasets compress 3–20:1.
 */
export interface InflateLimits {
  /** Most bytes one gzip file may inflate to. */
  maxInflatedBytes: number;
  /** Most inflated bytes per compressed byte, checked once the first `ratioFreeBytes` are out. */
  maxRatio: number;
  /** Inflated bytes let through before the ratio counts, so small files with a big header never trip it. */
  ratioFreeBytes: number;
}

/** `donegate scan`'s limits: a bound on the ratio, and a size no dataset in a CI job reaches. */
export const DEFAULT_INFLATE_LIMITS: InflateLimits = { maxInflatedBytes: 16 * 2 ** 30, maxRatio: 100, ratioFreeBytes: 2 ** 20 };

/** Inflated bytes an attached file may reach in the worker: a multiple of the download cap (ATTACHMENT_MAX_BYTES). */
export const ATTACHMENT_INFLATE_FACTOR = 32;

/** A gzip file refused for inflating past a limit; `message` says which, and never quotes content. */
export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
  /** Reported like a system error code, so scan reports list the file as unreadable. */
  readonly code = 'EINFLATELIMIT';
}

/**
 * Passes inflated chunks on until a limit is crossed, then throws `InflateLimitError` (the caller's loop
 * stops, which destroys the gunzip stream and the file read behind it). `compressedBytes` is what the
 * inflater has consumed so far (zlib's `bytesWritten`), not what was read ahead from disk.
 */
export async function* limitInflation(inflated: AsyncIterable<Buffer>, compressedBytes: () => number, limits: InflateLimits): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of inflated) {
    total += chunk.length;
    if (total > limits.maxInflatedBytes) throw new InflateLimitError(`gzip refused: inflates past ${limits.maxInflatedBytes} bytes`);
    if (total > limits.ratioFreeBytes && total > limits.maxRatio * Math.max(compressedBytes(), 1)) {
      throw new InflateLimitError(`gzip refused: inflates more than ${limits.maxRatio} times its compressed size (a decompression bomb)`);
    }
    yield chunk;
  }
}
