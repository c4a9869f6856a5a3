import { verifyAuditLog } from '../../../src/audit/verify-audit-log.js';
import { startGateHarness, type GateHarness } from '../../support/gate-harness.js';

const DAY_MS = 86_400_000;
const dayAhead = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('the waivers page', () => {
  let h: GateHarness;
  let approver: string;
  let viewer: string;
  let auditor: string;
  beforeAll(async () => {
    h = await startGateHarness();
    approver = await h.createToken('approver', 'priya');
    viewer = await h.createToken('viewer', 'pm-sam');
    auditor = await h.createToken('auditor', 'iso-auditor');
  });
  afterAll(async () => {
    await h.close();
  });

  const page = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const { token, headers, ...rest } = init;
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return fetch(`${h.url}${path}`, { redirect: 'manual', ...rest, headers: { ...auth, ...(headers as Record<string, string> | undefined) } });
  };
  const postForm = (path: string, fields: Record<string, string>, token: string | null) =>
    page(path, { method: 'POST', token, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  const ticketWaivers = async (key: string) =>
    ((await (await h.api(`/tickets/jira/${key}/waivers`)).json()) as { waivers: Array<{ id: string; status: string; approver: string; reason: string; expiresAt: string }> }).waivers;
  const auditEntries = async (type: string) => (await h.db.query<{ actor: string; data: Record<string, unknown> }>('SELECT actor, data FROM audit_log WHERE type = $1 ORDER BY seq', [type]));

  it('creates a waiver from the form as the API does: listed for the ticket, logged with the signed-in approver, the chain intact', async () => {
    const last = dayAhead(30);
    const answer = await postForm('/ui/waivers', { tracker: 'jira', ticket: 'ML-7', criterion: 'pii-scan', advisories: '', reason: 'synthetic data only', expires: last }, approver);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/ui/waivers?done=created');

    const [waiver] = await ticketWaivers('ML-7');
    expect(waiver).toMatchObject({ status: 'active', approver: 'priya', reason: 'synthetic data only' });
    const created = await auditEntries('waiver-created');
    expect(created).toEqual([expect.objectContaining({ actor: 'token:priya', data: expect.objectContaining({ waiverId: waiver!.id, approvedVia: 'api' }) })]);
    expect((await verifyAuditLog(h.db)).ok).toBe(true);

    const listed = await (await page('/ui/waivers', { token: approver })).text();
    expect(listed).toContain('synthetic data only');
    // The page shows the last day chosen, not the midnight after it that is stored.
    expect(listed).toContain(`<time datetime="${last}">${last}</time>`);
    expect(listed).toContain(`action="/ui/waivers/${waiver!.id}/revoke"`);
  });

  it('revokes a waiver from its button, with the reason, logged and re-listed as revoked', async () => {
    const [waiver] = await ticketWaivers('ML-7');
    const answer = await postForm(`/ui/waivers/${waiver!.id}/revoke`, { reason: 'real customer data found' }, approver);
    expect(answer.status).toBe(303);
    expect((await ticketWaivers('ML-7'))[0]).toMatchObject({ id: waiver!.id, status: 'revoked' });
    expect(await auditEntries('waiver-revoked')).toEqual([expect.objectContaining({ actor: 'token:priya', data: expect.objectContaining({ reason: 'real customer data found' }) })]);
    expect((await verifyAuditLog(h.db)).ok).toBe(true);
    const listed = await (await page('/ui/waivers', { token: approver })).text();
    expect(listed.slice(listed.indexOf('id="revoked"'))).toContain('real customer data found');
  });

  it('shows the form again with the problem and the values typed when the end date is past the policy limit', async () => {
    const answer = await postForm('/ui/waivers', { tracker: 'jira', ticket: 'ML-8', criterion: 'pii-scan', advisories: 'GHSA-1, CVE-2', reason: '<script>alert(1)</script>', expires: dayAhead(400) }, approver);
    expect(answer.status).toBe(400);
    const text = await answer.text();
    expect(text).toMatch(/id="waiver-error">expires: \d{4}-\d{2}-\d{2} is more than 90 days away/);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    expect(text).not.toContain('<script>alert(1)');
    expect(text).toContain('value="GHSA-1, CVE-2"');
    expect(await ticketWaivers('ML-8')).toEqual([]);
  });

  it('shows viewers and auditors the waivers without any form, and refuses their posts', async () => {
    for (const token of [viewer, auditor]) {
      const text = await (await page('/ui/waivers', { token })).text();
      expect(text).toContain('synthetic data only');
      expect(text).not.toContain('method="post" action="/ui/waivers"');
      expect(text).not.toContain('/revoke"');
      const refused = await postForm('/ui/waivers', { tracker: 'jira', ticket: 'ML-9', criterion: 'pii-scan', reason: 'x', expires: dayAhead(5) }, token);
      expect(refused.status).toBe(403);
    }
    expect(await ticketWaivers('ML-9')).toEqual([]);
  });

  it('refuses a post with neither a session nor a bearer token (a forged cross-site form)', async () => {
    const answer = await postForm('/ui/waivers', { tracker: 'jira', ticket: 'ML-9', criterion: 'pii-scan', reason: 'x', expires: dayAhead(5), _csrf: 'guess' }, null);
    expect([401, 403]).toContain(answer.status);
    expect(await ticketWaivers('ML-9')).toEqual([]);
  });

  it('shows the last day the approver chose, not the midnight stored after it, in the audit report, its HTML export and the ticket timeline', async () => {
    const last = dayAhead(20);
    const next = new Date(Date.parse(`${last}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    expect((await postForm('/ui/waivers', { tracker: 'jira', ticket: 'ML-10', criterion: 'pii-scan', reason: 'vendor fix due', expires: last }, approver)).status).toBe(303);
    const report = await (await page('/ui/audit', { token: auditor })).text();
    const exported = await (await h.api('/audit/export?format=html', { token: auditor })).text();
    for (const text of [report, exported]) {
      expect(text).toContain(`until ${last} via api: vendor fix due`);
      expect(text).toContain(`<td>${last}</td><td>vendor fix due</td>`);
      expect(text).not.toContain(next);
    }
    const timeline = await (await page('/ui/tickets/jira/ML-10', { token: auditor })).text();
    expect(timeline).toContain(`last day ${last}, via api: vendor fix due`);
    expect(timeline).not.toContain(next);
  });
});
