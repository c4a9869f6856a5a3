import type { TrackerEndpoints } from './bench-trackers.js';
import type { LatencySummary } from './percentiles.js';

/** Parent → driver: create the simulators with this many tickets each. */
export interface StartDriver {
  kind: 'start';
  ticketsPerTracker: number;
}

/** Driver → parent: the simulators are up. */
export interface DriverReady {
  kind: 'ready';
  endpoints: TrackerEndpoints;
}

/** Parent → driver: send `warmup` then `count` deliveries to donegate at `url`, open loop. */
export interface RunDriver {
  kind: 'run';
  url: string;
  warmup: number;
  count: number;
  ratePerSecond: number;
  drainTimeoutMs: number;
}

/** Driver → parent: what the fake trackers saw, measured deliveries only (warm-up left out). */
export interface DriverResult {
  kind: 'result';
  sent: number;
  accepted: number;
  commented: number;
  /** 202 received → donegate's comment created on the simulator. */
  latencyMs: { all: LatencySummary; jira: LatencySummary; linear: LatencySummary };
  /** Send → comment: includes the receiver's own answer time. */
  sendToCommentMs: LatencySummary;
  /** Send → 202. */
  acceptMs: LatencySummary;
  errors: { notAccepted: number; requestErrors: number; simulatorViolations: number; missingComments: number };
  sendElapsedMs: number;
  maxSendLagMs: number;
  /** Per second since the first send: deliveries accepted (202) and comments seen — shows a backlog forming. */
  timeline: Array<{ second: number; accepted: number; commented: number }>;
  /** Requests donegate made to the simulators, per commented delivery. */
  trackerCallsPerDecision: { jira: number; linear: number };
}
