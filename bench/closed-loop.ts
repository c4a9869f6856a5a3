export interface ClosedLoopResult {
  /** Per-request latency, ms, in completion order. */
  latenciesMs: number[];
  elapsedMs: number;
  /** HTTP status (or `error`) → count. */
  outcomes: Record<string, number>;
}

/**
 * Keep `concurrency` requests in flight until `count` are done: each slot sends its next request as soon
 * as its previous one is answered. `send(i)` resolves to an outcome label (`202`, `202-duplicate`, …).
 */
export async function runClosedLoop(options: { concurrency: number; count: number; send: (index: number) => Promise<string> }): Promise<ClosedLoopResult> {
  const latenciesMs: number[] = [];
  const outcomes: Record<string, number> = {};
  let next = 0;
  const slot = async (): Promise<void> => {
    while (next < options.count) {
      const index = next++;
      const started = performance.now();
      let outcome: string;
      try {
        outcome = await options.send(index);
      } catch (error) {
        outcome = `error:${(error as Error).message}`;
      }
      latenciesMs.push(performance.now() - started);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, slot));
  return { latenciesMs, elapsedMs: performance.now() - started, outcomes };
}
