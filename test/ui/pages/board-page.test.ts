import { parse } from 'csv-parse/sync';
import { auditDecision } from '../../../src/audit/audit-decision.js';
import { startUiTestApp, blockedDecision, recordWithAudit, type UiTestApp } from '../../support/ui-test-app.js';

const NOW = new Date(Date.UTC(2026, 11, 2, 12));
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const HOSTILE = `<script>alert(1)</script>\u202Egnp.exe${'x'.repeat(100_000)}`;

describe('the board and ticket pages over HTTP', () => {
  let app: UiTestApp;
  let viewer: string;
  const get = (path: string, token = viewer) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    app = await startUiTestApp(() => NOW);
    viewer = await app.token('viewer');
    const snap = (summary: string, assignee: string, project: string, key: string) => ({ ticket: { summary, assignee, project, url: `https://acme.atlassian.net/browse/${key}` } });
    await recordWithAudit(app, blockedDecision('jira', 'ML-1', daysAgo(10), snap('=HYPERLINK("http://evil.example","click")', '+Ada', 'ML', 'ML-1')));
    await recordWithAudit(app, blockedDecision('jira', 'ML-2', daysAgo(2), snap('Train the ranking model', 'Grace Hopper', 'ML', 'ML-2')));
    await recordWithAudit(app, blockedDecision('jira', 'PLAT-3', daysAgo(1), snap('Rotate keys', '@ops', 'PLAT', 'PLAT-3')));
    // Stored as a hostile tracker would send it, had the worker's bounds been skipped: the page must still escape it.
    await app.store.db.query(
      `INSERT INTO decisions (delivery_id, tracker, ticket_key, ticket_id, outcome, mode, criteria, actions, received_at, decided_at, ticket_snapshot)
       VALUES ('raw-1', 'jira', 'ML-9', '9', 'fail', 'block', '[]', '[]', $1, $1, $2)`,
      [daysAgo(3).toISOString(), JSON.stringify({ summary: '<img src=x onerror=alert(1)>', project: 'ML', url: 'javascript:alert(1)' })],
    );
    await app.store.db.query(
      `INSERT INTO decisions (delivery_id, tracker, ticket_key, ticket_id, outcome, mode, criteria, actions, received_at, decided_at, ticket_snapshot)
       VALUES ('raw-2', 'jira', 'ML-10', '10', 'fail', 'block', '[]', '[]', $1, $1, $2)`,
      [daysAgo(4).toISOString(), JSON.stringify({ summary: HOSTILE.slice(0, 150), project: 'ML' })],
    );
  });
  afterAll(async () => {
    await app.close();
  });

  it('escapes hostile summaries and never links to a non-http URL', async () => {
    const page = await (await get('/ui/board')).text();
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; gnp.exe');
    expect(page).not.toContain('\u202E');
    expect(page).not.toContain('x'.repeat(200));
    expect(page).not.toContain('javascript:');
  });

  it('shows the sorted column with aria-sort and sort links that keep the filters', async () => {
    const page = await (await get('/ui/board?project=ML&sort=since&dir=desc')).text();
    expect(page).toMatch(/<th scope="col" aria-sort="descending"><a href="\/ui\/board\?project=ML">Failing since/);
    expect(page.indexOf('ML-2')).toBeLessThan(page.indexOf('ML-1'));
    expect(page).not.toContain('PLAT-3');
  });

  it('answers a bad view with 400 and what to fix', async () => {
    const response = await get('/ui/board?sort=summary;DROP&olderThan=forever');
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('sort is one of');
    expect(page).toContain('olderThan is a number and h, d or w');
  });

  it('downloads the same rows as the page as CSV, with formula-looking cells neutralised', async () => {
    const response = await get('/ui/board.csv?project=ML&olderThan=7d');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="donegate-board-2026-12-02\.csv"$/);
    const rows = parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.ticket)).toEqual(['ML-1']);
    expect(rows[0]).toMatchObject({ summary: `'=HYPERLINK("http://evil.example","click")`, assignee: "'+Ada", missing: 'pii-scan: no PII scan evidence for this ticket' });
    const all = parse(await (await get('/ui/board.csv?sort=key')).text(), { columns: true }) as Array<Record<string, string>>;
    const page = await (await get('/ui/board?sort=key')).text();
    const pageKeys = [...page.matchAll(/<th scope="row">(?:<a [^>]*>|<span>)([^<]+)</g)].map((m) => m[1]);
    expect(all.map((r) => r.ticket)).toEqual(pageKeys);
    expect(all.find((r) => r.ticket === 'PLAT-3')?.assignee).toBe("'@ops");
  });

  it('keeps a scoped reader to their projects on the board, the CSV and the ticket page', async () => {
    const scoped = await app.token('viewer', ['PLAT']);
    expect(await (await get('/ui/board', scoped)).text()).not.toContain('ML-2');
    expect(await (await get('/ui/board.csv?project=ML', scoped)).text()).not.toContain('ML-');
    expect((await get('/ui/tickets/jira/ML-2', scoped)).status).toBe(404);
    expect((await get('/ui/tickets/jira/PLAT-3', scoped)).status).toBe(200);
  });

  it('shows a ticket\'s timeline newest first, with the rule, policy hash, criteria and the move back', async () => {
    const page = await (await get('/ui/tickets/jira/ML-2')).text();
    expect(page).toContain('href="https://acme.atlassian.net/browse/ML-2"');
    expect(page).toContain('Train the ranking model');
    expect(page).toMatch(/Move to Done checked<\/strong>: <span class="bad">fail<\/span> · rule <code>ml-models<\/code>/);
    expect(page).toContain('policy v3');
    expect(page).toContain('no PII scan evidence for this ticket');
    expect(page.indexOf('data-type="decision"')).toBeLessThan(page.indexOf('data-type="action"'));
  });

  it('shows a re-check after a waiver with the status the ticket is in, not a move from an unknown status', async () => {
    const recheck = blockedDecision('jira', 'ML-2', daysAgo(1), { outcome: 'pass', fromStatus: undefined, toStatus: 'In Review', actions: [] });
    await auditDecision(app.audit, recheck, { trigger: 'waiver', by: 'waiver-1', policyVersion: 3 });
    const page = await (await get('/ui/tickets/jira/ML-2')).text();
    expect(page).toMatch(/Re-checked after a waiver<\/strong>: <span class="ok">pass<\/span>[^<]*<code>ml-models<\/code>.* · ticket in In Review<\/p>/);
    expect(page).not.toContain('? →');
  });
});
