import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** The reader went away (client disconnected, pipe closed): stop producing. */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
  constructor() {
    super('the output closed before the export finished');
  }
}

/** Write and, when the stream's buffer is full, wait for it to drain: memory stays flat however much is written. */
export async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new OutputClosedError();
  if (out.write(chunk)) return;
  const ac = new AbortController();
  try {
    await Promise.race([once(out, 'drain', { signal: ac.signal }), once(out, 'close', { signal: ac.signal }).then(() => Promise.reject(new OutputClosedError()))]);
  } finally {
    ac.abort();
  }
}
