import { retryDelayMs } from '../../src/queue/retry-backoff.js';
import { TrackerRateLimitedError, TrackerUnavailableError } from '../../src/trackers/errors.js';

describe('retryDelayMs', () => {
  it('waits what the tracker asked for when rate limited', () => {
    expect(retryDelayMs(1, new TrackerRateLimitedError('jira', 7000), () => 0)).toBe(7000);
    expect(retryDelayMs(3, new TrackerRateLimitedError('linear', 1200), () => 0.999)).toBeLessThan(1200 + 250);
  });

  it('backs off exponentially with jitter for other faults, capped at five minutes', () => {
    const fault = new TrackerUnavailableError('jira', 'HTTP 503');
    expect(retryDelayMs(1, fault, () => 1)).toBe(1000);
    expect(retryDelayMs(3, fault, () => 1)).toBe(4000);
    expect(retryDelayMs(3, fault, () => 0)).toBe(2000);
    expect(retryDelayMs(30, fault, () => 1)).toBe(300_000);
  });
});
