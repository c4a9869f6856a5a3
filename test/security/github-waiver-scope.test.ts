import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

/**
 * The attack: a GitHub key is `owner/repo#number`, with no Jira-style `PROJECT-` prefix. Read as a Jira key,
 * `acme-ai/ml#4` belongs to project ACME, so an approver scoped to the ACME project could waive checks on a
 * GitHub repository of another team; and `acme/ml#42` has no dash at all, which crashed the request (500).
 * The project comes from the ticket's own tracker: the repository, which no project scope covers.
 */
describe('a waiver for a GitHub issue under a project-scoped token', () => {
  let h: GateHarness;
  let approver: string;
  beforeAll(async () => {
    h = await startGateHarness();
    approver = await h.createToken('approver', 'sec-lead-acme', ['ACME']);
  });
  afterAll(async () => {
    await h.close();
  });

  const waive = (ticket: string, token = approver) =>
    h.api('/waivers', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tracker: 'github', ticket, criterion: 'pii-scan', reason: 'Synthetic data only', expires: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) }),
    });

  it('is refused when the owner before a dash looks like the scoped project key', async () => {
    const response = await waive('acme-ai/ml#4');
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN_PROJECT');
  });

  it('is refused, not a server error, when the key has no dash', async () => {
    const response = await waive('acme/ml#42');
    expect(response.status).toBe(403);
  });

  it('is accepted from an approver for every project', async () => {
    const everywhere = await h.createToken('approver', 'sec-lead-all');
    expect((await waive('acme-ai/ml#4', everywhere)).status).toBe(201);
  });
});
