import type { FailingTicket } from '../../src/decisions/list-failing-tickets.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

const ALICE = { actorAccountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Alice Engineer' };

describe('GET /api/v1/tickets/failing', () => {
  let h: GateHarness;
  let blockedKey: string;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML', name: 'Machine Learning' });
    h.jira.state.useSimplifiedWorkflow();
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train the model', description: 'DESCRIPTION-NEVER-LISTED' });
    blockedKey = issue.key;
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'failing-1' });
    await h.decisionFor('jira', issue.key, 'failing-1');
  });
  afterAll(async () => {
    await h.close();
  });

  const list = async (query = '', token?: string) => {
    const response = await h.api(`/tickets/failing${query}`, token ? { token } : {});
    return { status: response.status, body: (await response.json()) as { count: number; tickets: FailingTicket[]; error?: { code: string } } };
  };

  it('lists a blocked ticket with the status it was moved back to and the criteria it lacks', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.tickets).toEqual([
      expect.objectContaining({
        tracker: 'jira',
        ticketKey: blockedKey,
        outcome: 'fail',
        mode: 'block',
        status: 'In Progress',
        unmet: [
          { criterion: 'pii-scan', status: 'fail' },
          { criterion: 'dependency-audit', status: 'fail' },
        ],
      }),
    ]);
  });

  it('serves a printable HTML page that names the ticket and nothing from its description', async () => {
    const response = await h.api('/tickets/failing?format=html');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const page = await response.text();
    expect(page).toContain(`<strong>${blockedKey}</strong>`);
    expect(page).toContain('<code>pii-scan</code>');
    expect(page).not.toContain('DESCRIPTION-NEVER-LISTED');
    expect(page).not.toMatch(/<script/i);
  });

  it("keeps a project-scoped token to its own projects and refuses to list another's", async () => {
    const platOnly = await h.createToken('ci', 'plat-ci', ['PLAT']);
    expect((await list('', platOnly)).body.tickets).toEqual([]);
    expect(await list('?project=ML', platOnly)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_PROJECT' } } });
    const mlAuditor = await h.createToken('auditor', 'ml-auditor', ['ML']);
    expect((await list('?project=ml', mlAuditor)).body.count).toBe(1);
  });

  it.each([
    ['?tracker=trello', 'INVALID_TRACKER'],
    ['?format=pdf', 'INVALID_FORMAT'],
    ['?limit=0', 'INVALID_LIMIT'],
    ['?project=ML;DROP', 'INVALID_PROJECT'],
  ])('answers 400 to %s', async (query, code) => {
    expect(await list(query)).toMatchObject({ status: 400, body: { error: { code } } });
  });

  it('answers 401 without a token', async () => {
    expect((await h.api('/tickets/failing', { token: null })).status).toBe(401);
  });

  it('drops the ticket once it passes', async () => {
    await h.supplyEvidence('jira', blockedKey, ['pii-scan', 'dependency-audit']);
    await h.post('jira', h.jira.moveIssue(blockedKey, 'Done', ALICE), { deliveryId: 'failing-2' });
    expect(await h.decisionFor('jira', blockedKey, 'failing-2')).toMatchObject({ outcome: 'pass' });
    expect((await list()).body.tickets).toEqual([]);
  });
});
