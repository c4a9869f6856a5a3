import { DEFAULT_JIRA_DELIVERY_MAX_AGE_SECONDS, isStaleJiraDelivery } from '../../../../src/trackers/jira/webhook/jira-delivery-age.js';

describe('isStaleJiraDelivery', () => {
  const now = Date.parse('2026-12-02T08:00:00Z');
  const window = DEFAULT_JIRA_DELIVERY_MAX_AGE_SECONDS * 1000;

  it('keeps a delivery exactly at the edge of the window, and refuses one a millisecond older', () => {
    expect(isStaleJiraDelivery(now - window, now, window)).toBe(false);
    expect(isStaleJiraDelivery(now - window - 1, now, window)).toBe(true);
  });

  it('never calls a delivery stale for a timestamp ahead of the clock (skew), or for none at all', () => {
    expect(isStaleJiraDelivery(now + 5 * 60_000, now, window)).toBe(false);
    expect(isStaleJiraDelivery(undefined, now, window)).toBe(false);
  });

  it('covers the 30 minutes over which Jira retries a failed delivery', () => {
    expect(isStaleJiraDelivery(now - 30 * 60_000, now, window)).toBe(false);
  });
});
