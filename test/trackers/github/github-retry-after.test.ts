import { githubRetryAfterMs, SECONDARY_LIMIT_WAIT_MS } from '../../../src/trackers/github/github-retry-after.js';

const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('githubRetryAfterMs', () => {
  it('waits for retry-after, in seconds, when GitHub sends it', () => {
    expect(githubRetryAfterMs(403, { 'retry-after': '30' }, 'You have exceeded a secondary rate limit', NOW)).toBe(30_000);
  });

  it('waits until x-ratelimit-reset when the primary quota is spent', () => {
    const reset = String(NOW / 1000 + 120);
    expect(githubRetryAfterMs(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, 'API rate limit exceeded', NOW)).toBe(120_000);
  });

  it('waits a minute on a 429, or a 403 that says secondary rate limit, without either header', () => {
    expect(githubRetryAfterMs(429, {}, 'Too Many Requests', NOW)).toBe(SECONDARY_LIMIT_WAIT_MS);
    expect(githubRetryAfterMs(403, {}, 'You have exceeded a secondary rate limit.', NOW)).toBe(SECONDARY_LIMIT_WAIT_MS);
  });

  it('treats a 403 with quota left and no rate-limit words as no rate limit (a permission problem)', () => {
    expect(githubRetryAfterMs(403, { 'x-ratelimit-remaining': '4999' }, 'Resource not accessible by integration', NOW)).toBeUndefined();
  });

  it('ignores a malformed retry-after and falls back to the other signals', () => {
    expect(githubRetryAfterMs(429, { 'retry-after': '1e9' }, '', NOW)).toBe(SECONDARY_LIMIT_WAIT_MS);
  });

  it('is no rate limit for other statuses', () => {
    expect(githubRetryAfterMs(502, { 'retry-after': '5' }, 'Server Error', NOW)).toBeUndefined();
  });
});
