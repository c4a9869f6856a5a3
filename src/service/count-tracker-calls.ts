import type { TrackerName } from '../domain/index.js';
import type { Metrics } from '../metrics/create-metrics.js';
import { TrackerPermanentError, TrackerRateLimitedError, TrackerUnavailableError } from '../trackers/errors.js';
import type { Tracker } from '../trackers/tracker.js';

/** The calls to a tracker's API (every one answers a promise); other members pass through untouched. */
const OPERATIONS: ReadonlySet<string> = new Set<Exclude<keyof Tracker, 'name'>>([
  'selfId', 'getTicket', 'resolveKey', 'moveTo', 'upsertComment', 'reply', 'addLabel', 'removeLabel',
  'setVerdictProperty', 'listAttachments', 'downloadAttachment', 'readDescription', 'listLinks',
]);

type CallMetrics = Pick<Metrics, 'trackerCalls' | 'trackerCallDuration'>;

/** Each tracker, counting and timing every call made through its interface, by operation and status. */
export function countTrackerCalls(trackers: Partial<Record<TrackerName, Tracker>>, metrics: CallMetrics): Partial<Record<TrackerName, Tracker>> {
  const entries = Object.entries(trackers).flatMap(([name, tracker]) => (tracker === undefined ? [] : [[name, timed(tracker, metrics)] as const]));
  return Object.fromEntries(entries);
}

function timed(tracker: Tracker, metrics: CallMetrics): Tracker {
  return new Proxy(tracker, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || !OPERATIONS.has(property)) return value;
      const labels = { tracker: target.name, operation: property };
      return async (...args: unknown[]) => {
        const stop = metrics.trackerCallDuration.startTimer(labels);
        try {
          const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
          metrics.trackerCalls.inc({ ...labels, status: 'ok' });
          return result;
        } catch (error) {
          metrics.trackerCalls.inc({ ...labels, status: statusOf(error) });
          throw error;
        } finally {
          stop();
        }
      };
    },
  });
}

function statusOf(error: unknown): string {
  if (error instanceof TrackerRateLimitedError) return 'rate-limited';
  if (error instanceof TrackerUnavailableError) return 'unavailable';
  if (error instanceof TrackerPermanentError) return error.fault;
  return 'error';
}
