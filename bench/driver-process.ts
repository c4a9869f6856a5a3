/**
 * The end-to-end driver, run as a child process by `benchEndToEnd`: it hosts the Jira and Linear simulators
 * and the open-loop sender, so donegate's process holds only donegate — as in production, where the
 * trackers are remote. Messages: `start` → `ready`, `run` → `result` (see driver-messages.ts).
 */
import { startBenchTrackers, type BenchTrackers } from './bench-trackers.js';
import { driveDeliveries, pickTargets } from './drive-deliveries.js';
import type { DriverReady, DriverResult, RunDriver, StartDriver } from './driver-messages.js';

let trackers: BenchTrackers | undefined;

process.on('message', (message: StartDriver | RunDriver) => {
  void handle(message).then((answer) => process.send?.(answer));
});
process.on('disconnect', () => {
  void trackers?.close();
});

async function handle(message: StartDriver | RunDriver): Promise<DriverReady | DriverResult> {
  if (message.kind === 'start') {
    trackers = await startBenchTrackers(message.ticketsPerTracker);
    return { kind: 'ready', endpoints: trackers.endpoints };
  }
  if (!trackers) throw new Error('bench driver: run before start');
  const options = { url: message.url, ratePerSecond: message.ratePerSecond, drainTimeoutMs: message.drainTimeoutMs };
  // Warm-up: the first deliveries pay for lazy module loading and JIT in donegate; they are not counted.
  await driveDeliveries(trackers, pickTargets(trackers, 0, message.warmup), options);
  const measured = await driveDeliveries(trackers, pickTargets(trackers, message.warmup, message.count), options);
  return { kind: 'result', ...measured };
}
