import type { IncomingMessage, ServerResponse } from 'node:http';

/** Requests whose client waits for `100 Continue` before sending its body, and has not been told to yet. */
const waiting = new WeakSet<IncomingMessage>();

/**
 * Call from the server's `checkContinue` event: the request goes to the app without an automatic
 * `100 Continue`, so a route can refuse it (413 for a declared size over the limit) before the client sends a
 * byte. Routes that read a body call `sendContinue` first.
 * https://nodejs.org/api/http.html#event-checkcontinue
 */
export function holdContinue(req: IncomingMessage): void {
  waiting.add(req);
}

/** Whether the client is still waiting for `100 Continue`, i.e. has sent no body yet. */
export function isContinueHeld(req: IncomingMessage): boolean {
  return waiting.has(req);
}

/** Tell a waiting client to send its body; a no-op for every other request. */
export function sendContinue(req: IncomingMessage, res: ServerResponse): void {
  if (!waiting.delete(req)) return;
  res.writeContinue();
}
