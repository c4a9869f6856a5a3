export interface OpenLoopResult {
  elapsedMs: number;
  /** How late the worst send left against its schedule (event-loop delay on the sending side). */
  maxSendLagMs: number;
}

/**
 * Fire `send(i)` at `start + i / rate` whatever the earlier ones are doing (open loop): a slow server
 * builds a backlog instead of slowing the sender, as with real trackers. Resolves once every send settled.
 */
export async function runOpenLoop(options: { ratePerSecond: number; count: number; send: (index: number) => Promise<void> }): Promise<OpenLoopResult> {
  const intervalMs = 1000 / options.ratePerSecond;
  const inFlight: Array<Promise<void>> = [];
  const start = performance.now();
  let maxSendLagMs = 0;
  let index = 0;
  while (index < options.count) {
    const now = performance.now();
    while (index < options.count && start + index * intervalMs <= now) {
      maxSendLagMs = Math.max(maxSendLagMs, now - (start + index * intervalMs));
      inFlight.push(options.send(index));
      index++;
    }
    const wait = start + index * intervalMs - performance.now();
    if (index < options.count) await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  await Promise.allSettled(inFlight);
  return { elapsedMs: performance.now() - start, maxSendLagMs: Math.round(maxSendLagMs * 100) / 100 };
}
