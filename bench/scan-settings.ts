/** Every knob of `npm run bench:scan` in one place, so the figures in BENCHMARKS.md name their conditions. */
export const SCAN_BENCH = {
  /** presidio-research, resolved from the working directory as the issue names it. */
  corpusFolder: '../shared/corpora/pii/presidio-research',
  /** Country for phone numbers written without `+` (the scanner's default). */
  defaultCountry: 'US',
  /** Generated inputs, in bytes (CSV and JSONL half each); the small one shows whether RSS depends on size. */
  throughputSizes: [200e6, 50e6],
  /** PRNG seed: the same seed gives the same bytes. */
  seed: 20261126,
  targets: { precisionMin: 0.95, recallMin: 0.95, mbPerSecondMin: 50, peakRssMaxBytes: 200 * 2 ** 20 },
} as const;
