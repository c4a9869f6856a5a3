import type { IncomingMessage } from 'node:http';

/** Read and discard at most this much of a refused body before answering. */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
/** …and for at most this long, so a slow sender cannot hold the connection. */
export const DRAIN_MAX_MS = 10_000;

/**
 * Read and discard the rest of a refused request's body, bounded in bytes and time, then call `then`.
 * Answering while the client is still sending and then closing makes the kernel reset the connection, and a
 * reset can destroy the answer before the client reads it: it sees ECONNRESET instead of the 413.
 */
export function drainRequest(req: IncomingMessage, then: () => void, limits = { maxBytes: DRAIN_MAX_BYTES, maxMs: DRAIN_MAX_MS }): void {
  if (req.complete || req.readableEnded || req.destroyed) {
    then();
    return;
  }
  let seen = 0;
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', finish);
    req.off('error', finish);
    req.off('close', finish);
    then();
  };
  const onData = (chunk: Buffer): void => {
    seen += chunk.length;
    if (seen > limits.maxBytes) finish();
  };
  const timer = setTimeout(finish, limits.maxMs);
  req.on('data', onData);
  req.once('end', finish);
  req.once('error', finish);
  req.once('close', finish);
  req.resume();
}
