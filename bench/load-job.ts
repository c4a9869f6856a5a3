import type { TrackerName } from '../src/domain/index.js';
import type { ClosedLoopResult } from './closed-loop.js';

/** What the load-generator process is asked to send: `count` distinct signed deliveries to `url`. */
export interface LoadJob {
  url: string;
  tracker: TrackerName;
  secret: string;
  /** A real-shaped delivery body; each request gets its own delivery id (and, for Linear, a fresh timestamp). */
  templateBody: string;
  concurrency: number;
  count: number;
  /** Delivery ids are `<idPrefix>-<n>`, unique across the whole run. */
  idPrefix: string;
}

export interface LoadResult extends ClosedLoopResult {
  bodyBytes: number;
  /** CPU the load generator itself used while sending, as a fraction of one core. */
  clientCpu: number;
}
