import { startGateHarness, type GateHarness } from '../../support/gate-harness.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

describe('the trends page', () => {
  let h: GateHarness;
  let admin: string;
  let mlViewer: string;
  // Mondays (UTC) two weeks ago and last week: every seeded check lies in the past.
  const today = new Date();
  const thisMonday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7));
  const weekA = thisMonday - 14 * DAY_MS;
  const weekB = thisMonday - 7 * DAY_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  let seq = 0;
  const decide = (tracker: string, key: string, at: number, outcome: 'pass' | 'fail', mode: 'block' | 'warn' | null, failing: string[] = []) =>
    h.db.query(
      `INSERT INTO decisions (delivery_id, tracker, ticket_key, ticket_id, outcome, mode, criteria, received_at, decided_at)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $7)`,
      [`d-${(seq += 1)}`, tracker, key, outcome, mode, JSON.stringify([...failing.map((criterion) => ({ criterion, status: 'fail', reason: 'no evidence' })), { criterion: 'secret-scan', status: 'pass', reason: 'clean' }]), new Date(at).toISOString()],
    );

  beforeAll(async () => {
    h = await startGateHarness();
    admin = h.adminToken;
    mlViewer = await h.createToken('viewer', 'pm-ml', ['ML']);
    // Week A: ML-1 blocked then cleared 4 h later; ML-2 blocked twice, cleared 48 h after its first block.
    await decide('jira', 'ML-1', weekA + 10 * HOUR_MS, 'fail', 'block', ['pii-scan']);
    await decide('jira', 'ML-1', weekA + 14 * HOUR_MS, 'pass', null);
    await decide('jira', 'ML-2', weekA + 9 * HOUR_MS, 'fail', 'block', ['dependency-audit']);
    await decide('jira', 'ML-2', weekA + 33 * HOUR_MS, 'fail', 'block', ['dependency-audit']);
    await decide('jira', 'ML-2', weekA + 57 * HOUR_MS, 'pass', null);
    // A warning is not a block.
    await decide('jira', 'PLAT-1', weekA + 9 * HOUR_MS, 'fail', 'warn', ['dependency-audit']);
    // Week B: ML-3 and the Linear team AI blocked, neither cleared.
    await decide('jira', 'ML-3', weekB + 9 * HOUR_MS, 'fail', 'block', ['pii-scan']);
    await decide('linear', 'AI-1', weekB + 9 * HOUR_MS, 'fail', 'block', ['pii-scan']);
    await h.db.query(
      `INSERT INTO waivers (tracker, ticket_key, criterion, reason, approver, approved_via, created_at, expires_at)
       VALUES ('jira', 'ML-3', 'pii-scan', 'synthetic data', 'priya', 'api', $1, $2)`,
      [new Date(weekB + 10 * HOUR_MS).toISOString(), new Date(thisMonday + 30 * DAY_MS).toISOString()],
    );
  });
  afterAll(async () => {
    await h.close();
  });

  const trends = async (token: string, query = '') => {
    const response = await fetch(`${h.url}/ui/trends${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return response.text();
  };
  /** The cells of a week's row in the weekly table: blocked, cleared, median, waivers. */
  const weekRow = (text: string, monday: number) => {
    const match = new RegExp(`<time datetime="${day(monday)}">[^<]+</time></th>((?:<td>[^<]*</td>){4})</tr>`).exec(text);
    return match ? [...match[1]!.matchAll(/<td>([^<]*)<\/td>/g)].map((cell) => cell[1]) : undefined;
  };

  it('counts blocked tickets, cleared blocks, the median time to pass and waivers per ISO week', async () => {
    const text = await trends(admin, '?weeks=4');
    expect(weekRow(text, weekA)).toEqual(['2', '2', '26 h', '0']);
    expect(weekRow(text, weekB)).toEqual(['2', '0', '–', '1']);
    expect(weekRow(text, thisMonday)).toEqual(['0', '0', '–', '0']);
    const criteria = text.slice(text.indexOf('id="criteria-table"'));
    expect(criteria).toMatch(/<code>pii-scan<\/code><\/th><td>3<\/td>[\s\S]*<code>dependency-audit<\/code><\/th><td>2<\/td>/);
    expect(text).toMatch(/<svg class="chart"[^>]*role="img"[^>]*aria-labelledby="blocks-chart-title blocks-chart-desc"/);
    expect(text).toContain('4 tickets blocked and 2 blocks cleared over 4 weeks.');
  });

  it('shows a viewer only the projects their token covers, and one project when asked', async () => {
    const scoped = await trends(mlViewer, '?weeks=4');
    expect(weekRow(scoped, weekB)).toEqual(['1', '0', '–', '1']);
    expect(scoped).not.toContain('AI <span');
    const oneProject = await trends(admin, '?weeks=4&project=linear%3AAI');
    expect(weekRow(oneProject, weekA)).toEqual(['0', '0', '–', '0']);
    expect(weekRow(oneProject, weekB)).toEqual(['1', '0', '–', '0']);
  });

  it('keeps the number of weeks between 1 and 52', async () => {
    const text = await trends(admin, '?weeks=500');
    expect(text.match(/<tr><th scope="row"><time /g)).toHaveLength(12);
  });
});
