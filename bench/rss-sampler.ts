export interface RssSampler {
  /** Stop sampling; the highest resident set size seen, in bytes. */
  stop(): number;
}

/** Sample this process's RSS every `intervalMs` (it holds the service and the simulators). */
export function startRssSampler(intervalMs = 100): RssSampler {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
