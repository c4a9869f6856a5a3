/** Every knob of `npm run bench` in one place, so the figures in BENCHMARKS.md name their conditions. */
export const BENCH = {
  ingest: {
    /** Requests kept in flight by the closed-loop load generator. */
    concurrency: 32,
    /** Requests sent and thrown away before each measured run (JIT, sockets, Redis connection). */
    warmup: 1_000,
    /** Measured requests per run. */
    count: 6_000,
  },
  endToEnd: {
    /** Open-loop send rate: one delivery every 10 ms, whatever the replies. */
    ratePerSecond: 100,
    /** Deliveries sent first at the same rate, drained, and left out of the figures (lazy module loading, JIT, connection pools, the simulators compiling their validators): the target is about the steady state. */
    warmup: 500,
    /** Measured deliveries, alternating Jira and Linear (half each). */
    count: 2_000,
    /** How long to wait for the last comments after the last send (a backlog drains here). */
    drainTimeoutMs: 45_000,
  },
  targets: {
    /** Ingest rate at least this fraction of the bare express endpoint's. */
    ingestRatioMin: 0.5,
    /** End-to-end p99, accepted (202) → comment seen by the tracker. */
    endToEndP99MaxMs: 250,
  },
} as const;
