import { createMetrics } from '../../src/metrics/create-metrics.js';
import { countTrackerCalls } from '../../src/service/count-tracker-calls.js';
import { TrackerPermanentError, TrackerRateLimitedError } from '../../src/trackers/errors.js';
import type { Tracker } from '../../src/trackers/tracker.js';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text.js';

describe('countTrackerCalls', () => {
  const ticket = { key: 'ML-1' } as never;
  const fake = (addLabel: () => Promise<void>): Tracker =>
    ({
      name: 'jira',
      selfId: () => Promise.resolve('me'),
      addLabel,
      removeLabel: () => Promise.reject(new TrackerPermanentError('jira', 'forbidden', 'no permission')),
    }) as unknown as Tracker;

  it('counts each call by operation and status, times it, and passes answers and errors through unchanged', async () => {
    const metrics = createMetrics({ processMetrics: false });
    let limited = true;
    const { jira } = countTrackerCalls(
      { jira: fake(() => (limited ? Promise.reject(new TrackerRateLimitedError('jira', 1000)) : Promise.resolve())) },
      metrics,
    );

    await expect(jira!.selfId()).resolves.toBe('me');
    await expect(jira!.addLabel(ticket, 'x')).rejects.toBeInstanceOf(TrackerRateLimitedError);
    limited = false;
    await jira!.addLabel(ticket, 'x');
    await expect(jira!.removeLabel(ticket, 'x')).rejects.toThrow('no permission');
    expect(jira!.name).toBe('jira');
    expect(jira!.listLinks).toBeUndefined();

    const samples = parsePrometheusText(await metrics.registry.metrics());
    const calls = (operation: string, status: string) => sampleValue(samples, 'donegate_tracker_calls_total', { tracker: 'jira', operation, status });
    expect([calls('selfId', 'ok'), calls('addLabel', 'rate-limited'), calls('addLabel', 'ok'), calls('removeLabel', 'forbidden')]).toEqual([1, 1, 1, 1]);
    expect(sampleValue(samples, 'donegate_tracker_call_duration_seconds_count', { tracker: 'jira', operation: 'addLabel' })).toBe(2);
  });
});
