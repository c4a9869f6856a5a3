import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { TrackerPermanentError, TrackerRateLimitedError, TrackerUnavailableError } from '../../../src/trackers/errors.js';
import { createJiraClient, createJiraTracker } from '../../../src/trackers/jira/index.js';
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfter } from '../../../src/trackers/jira/parse-retry-after.js';
import { createJiraFixture, type JiraFixture } from './jira-fixture.js';

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('Jira tracker: errors carry the decision', () => {
  let f: JiraFixture;
  beforeEach(async () => {
    f = await createJiraFixture();
  });
  afterEach(async () => {
    await f.jira.close();
  });

  it('turns 429 with Retry-After: 1 into a rate-limit error asking for 1000 ms', async () => {
    f.jira.failNext({ path: /\/issue\/ML-1$/, status: 429, headers: { 'Retry-After': '1' } });

    const error = await caught(f.tracker.getTicket({ key: 'ML-1' }));

    expect(error).toBeInstanceOf(TrackerRateLimitedError);
    expect(error).toMatchObject({ name: 'TrackerRateLimitedError', tracker: 'jira', retryAfterMs: 1000 });
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    f.jira.failNext({ status: 429, headers: { 'Retry-After': at } });

    const error = (await caught(f.tracker.getTicket({ key: 'ML-1' }))) as TrackerRateLimitedError;

    expect(error.retryAfterMs).toBeGreaterThan(25_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('falls back to a default wait when Jira gives no Retry-After', async () => {
    f.jira.failNext({ status: 429 });

    await expect(caught(f.tracker.getTicket({ key: 'ML-1' }))).resolves.toMatchObject({ retryAfterMs: DEFAULT_RETRY_AFTER_MS });
    expect(parseRetryAfter(undefined, '2024-05-01T10:31Z', Date.parse('2024-05-01T10:30:00Z'))).toBe(60_000);
  });

  it('treats a missing issue as permanent not-found', async () => {
    const error = await caught(f.tracker.getTicket({ key: 'ML-999' }));

    expect(error).toBeInstanceOf(TrackerPermanentError);
    expect(error).toMatchObject({ fault: 'not-found', status: 404 });
  });

  it('treats rejected credentials as permanent unauthorized and names the variables to check, never the token', async () => {
    const wrongToken = 'not-the-token-1234';
    const client = createJiraClient({ baseUrl: f.jira.baseUrl, email: f.jira.email, apiToken: wrongToken });
    const tracker = createJiraTracker({ client });

    const error = await caught(tracker.getTicket({ key: 'ML-1' }));

    expect(error).toMatchObject({ name: 'TrackerPermanentError', fault: 'unauthorized', status: 401 });
    const message = (error as Error).message;
    expect(message).toMatch(/JIRA_EMAIL/);
    expect(message).toMatch(/JIRA_API_TOKEN/);
    expect(JSON.stringify(error)).not.toContain(wrongToken);
    expect(message).not.toContain(wrongToken);
  });

  it('treats 403 as permanent forbidden', async () => {
    f.jira.failNext({ status: 403 });

    await expect(caught(f.tracker.getTicket({ key: 'ML-1' }))).resolves.toMatchObject({ fault: 'forbidden', status: 403 });
  });

  it("treats any other 4xx as permanent invalid-request, quoting Jira's field errors", async () => {
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });
    f.jira.failNext({ method: 'PUT', status: 400, body: { errorMessages: [], errors: { labels: 'bad label' } } });

    const error = await caught(f.tracker.addLabel(ticket, 'x'));

    expect(error).toMatchObject({ fault: 'invalid-request', status: 400 });
    expect((error as Error).message).toContain('labels: bad label');
  });

  it('treats 5xx as unavailable, to be retried', async () => {
    f.jira.failNext({ method: 'POST', path: /\/comment$/, status: 503 });
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });

    const error = await caught(f.tracker.upsertComment(ticket, { status: 'pass', mode: 'block', headline: 'ok', criteria: [], notes: [], footer: 'x' }));

    expect(error).toBeInstanceOf(TrackerUnavailableError);
    expect(error).toMatchObject({ status: 503 });
  });

  it('treats a closed connection as unavailable', async () => {
    await f.jira.close();

    const error = await caught(f.tracker.getTicket({ key: 'ML-1' }));

    expect(error).toBeInstanceOf(TrackerUnavailableError);
    expect((error as Error).message).toMatch(/did not answer/);
    f = await createJiraFixture(); // afterEach closes a live simulator
  });

  it('never copies the issue description into an error message', async () => {
    f.jira.failNext({ status: 500, body: { errorMessages: ['boom'], errors: {} } });
    const error = await caught(f.tracker.getTicket({ key: 'ML-1' }));
    expect((error as Error).message).not.toContain('customer emails');
  });
});
