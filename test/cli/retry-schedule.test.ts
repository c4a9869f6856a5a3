import { describe, expect, it } from '@jest/globals';
import { parseDuration } from '../../src/cli/parse-duration.js';
import { backoffMs, DEFAULT_RETRY_SCHEDULE, retryableStatus, retryAfterMs } from '../../src/cli/retry-schedule.js';
import { readSubmitFlags } from '../../src/cli/submit-flags.js';

describe('upload retry schedule', () => {
  it('draws each wait between 0 and a ceiling that doubles up to the cap (full jitter)', () => {
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(retry, DEFAULT_RETRY_SCHEDULE, () => 0.999))).toEqual([999, 1998, 3996, 7992, 15984, 15984]);
    expect(backoffMs(3, DEFAULT_RETRY_SCHEDULE, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores what is neither', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(retryAfterMs('12', now)).toBe(12_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('retries 429, 500, 502, 503, 504 and an idempotency key still in use, never another 4xx', () => {
    expect([429, 500, 502, 503, 504].every((status) => retryableStatus(status, undefined))).toBe(true);
    expect(retryableStatus(409, 'IDEMPOTENCY_KEY_IN_USE')).toBe(true);
    expect([400, 401, 403, 404, 409, 413, 415, 422, 501].some((status) => retryableStatus(status, 'X'))).toBe(false);
  });
});

describe('--retries, --wait and --timeout', () => {
  it('reads durations in ms, s, m and h, a bare number as seconds', () => {
    expect(['500ms', '90s', '10m', '1h', '30'].map(parseDuration)).toEqual([500, 90_000, 600_000, 3_600_000, 30_000]);
    expect(['0s', '-5s', '5 minutes', '1.5m', ''].map(parseDuration)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('waits 5 minutes by default and refuses --timeout without --wait or a bad --retries', () => {
    expect(readSubmitFlags({ wait: true })).toEqual({ ok: true, waitMs: 300_000 });
    expect(readSubmitFlags({ retries: '0' })).toEqual({ ok: true, retries: 0 });
    expect(readSubmitFlags({ timeout: '10m' })).toMatchObject({ ok: false, problem: '--timeout only applies with --wait' });
    expect(readSubmitFlags({ wait: true, timeout: 'forever' })).toMatchObject({ ok: false });
    expect(readSubmitFlags({ retries: '-1' })).toMatchObject({ ok: false });
  });
});
