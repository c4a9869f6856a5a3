/** How much of the (decompressed) content is looked at for NUL bytes, as git and grep do. */
export const BINARY_SNIFF_BYTES = 8192;

/**
 * Peeks at the start of a chunk stream: `binary` when a NUL byte occurs in the first 8 KiB. `chunks` replays
 * everything, peeked bytes included.
 */
export async function sniffBinary(source: AsyncIterable<Buffer>): Promise<{ binary: boolean; chunks: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const peeked: Buffer[] = [];
  let seen = 0;
  let done = false;
  while (seen < BINARY_SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    peeked.push(next.value);
    seen += next.value.length;
  }
  const binary = peeked.some((chunk, index) => {
    const before = peeked.slice(0, index).reduce((sum, previous) => sum + previous.length, 0);
    const at = chunk.indexOf(0);
    return at !== -1 && before + at < BINARY_SNIFF_BYTES;
  });
  async function* replay(): AsyncGenerator<Buffer> {
    yield* peeked;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { binary, chunks: replay() };
}
