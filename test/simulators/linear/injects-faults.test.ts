import { InternalLinearError, LinearClient, RatelimitedLinearError } from '@linear/sdk';
import { createLinearSimulator, type LinearSimulator } from '../../../simulators/linear/index.js';

describe('Linear simulator injecting faults', () => {
  let linear: LinearSimulator;
  let client: LinearClient;
  beforeEach(async () => {
    linear = await createLinearSimulator();
    client = new LinearClient({ apiKey: linear.apiKey, apiUrl: linear.url });
  });
  afterEach(() => linear.close());

  it('rate-limits as Linear does: HTTP 400, RATELIMITED, and the headers the SDK reads', async () => {
    linear.failNext({ kind: 'ratelimited', retryAfterMs: 4_000 });

    const error = (await client.viewer.catch((e: unknown) => e)) as RatelimitedLinearError;

    expect(error).toBeInstanceOf(RatelimitedLinearError);
    expect(error.status).toBe(400);
    expect(error.retryAfter).toBe(4);
    expect(error.requestsRemaining).toBe(0);
    expect(error.requestsResetAt).toBeGreaterThan(Date.now());
    expect(error.raw?.response?.errors?.[0]?.extensions).toMatchObject({ code: 'RATELIMITED' });
  });

  it('fails only the named operation, as many times as asked, then recovers', async () => {
    linear.addTeam({ key: 'AI' });
    linear.addIssue({ team: 'AI', title: 't' });
    linear.failNext({ operation: 'issueUpdate', kind: 'server-error', times: 2 });

    await expect(client.viewer).resolves.toBeDefined();
    await expect(client.updateIssue('AI-1', { title: 'a' })).rejects.toBeInstanceOf(InternalLinearError);
    await expect(client.updateIssue('AI-1', { title: 'b' })).rejects.toBeInstanceOf(InternalLinearError);
    await expect(client.updateIssue('AI-1', { title: 'c' })).resolves.toMatchObject({ success: true });
    expect(linear.issue('AI-1')?.title).toBe('c');
  });

  it('logs every request and emits it, without the API key', async () => {
    const seen = new Promise((resolve) => linear.events.once('request', resolve));

    await client.viewer;

    await expect(seen).resolves.toMatchObject({ operationName: 'viewer', rootFields: ['viewer'], status: 200, outcome: 'ok' });
    expect(JSON.stringify(linear.requests)).not.toContain(linear.apiKey);
  });
});
