import { mkdir } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import { waiverCreatedEvent } from '../../../src/audit/audit-events.js';
import { createAuditLog } from '../../../src/audit/audit-log.js';
import { chromiumAvailable, launchChromium } from '../../support/chromium.js';
import { startGateHarness, type GateHarness } from '../../support/gate-harness.js';
import { seriousViolationsOn } from './axe-violations.js';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
const SCREENSHOTS = new URL('../../../test-artifacts/screenshots/', import.meta.url);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

describeInBrowser('the waivers, trends and audit pages in headless Chromium', () => {
  let h: GateHarness;
  let browser: BrowserContext;

  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addUser({ accountId: 'u-priya', displayName: 'Priya Patel' });
    await mkdir(SCREENSHOTS, { recursive: true });
    const approver = await h.createToken('approver', 'sec-lead');
    const form = (fields: Record<string, string>) =>
      fetch(`${h.url}/ui/waivers`, { method: 'POST', redirect: 'manual', headers: { authorization: `Bearer ${approver}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const ahead = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
    await form({ tracker: 'jira', ticket: 'ML-12', criterion: 'pii-scan', advisories: '', reason: 'Synthetic training set; no personal data', expires: ahead(6) });
    await form({ tracker: 'jira', ticket: 'ML-15', criterion: 'dependency-audit', advisories: 'GHSA-7rjr-3q55-vv33', reason: 'Upstream fix lands in 2.4.1; not reachable from our code', expires: ahead(45) });
    await form({ tracker: 'linear', ticket: 'AI-4', criterion: 'pii-scan', advisories: '', reason: 'Evaluation data only', expires: ahead(80) });
    // A waiver granted by a Jira comment: its actor is the Jira account, shown by name in the report.
    await createAuditLog(h.db).append(
      waiverCreatedEvent({ id: '00000000-0000-4000-8000-000000000001', tracker: 'jira', ticketKey: 'ML-20', criterion: 'pii-scan', advisories: [], reason: 'Public dataset', approver: 'u-priya', approvedVia: 'jira-comment', expiresAt: new Date(Date.now() + 30 * DAY_MS), createdAt: new Date() }),
    );
    const monday = Date.now() - ((new Date().getUTCDay() + 6) % 7) * DAY_MS;
    let seq = 0;
    for (let week = 1; week <= 8; week += 1) {
      for (let ticket = 0; ticket < (week % 4) + 1; ticket += 1) {
        const key = `ML-${100 + week * 10 + ticket}`;
        const blockedAt = monday - week * 7 * DAY_MS + ticket * HOUR_MS;
        const criteria = JSON.stringify([{ criterion: ticket % 2 === 0 ? 'pii-scan' : 'dependency-audit', status: 'fail', reason: 'no evidence' }]);
        await h.db.query(`INSERT INTO decisions (delivery_id, tracker, ticket_key, ticket_id, outcome, mode, criteria, received_at, decided_at) VALUES ($1, 'jira', $2, $2, 'fail', 'block', $3, $4, $4)`, [`d-${(seq += 1)}`, key, criteria, new Date(blockedAt).toISOString()]);
        if (ticket !== 1) await h.db.query(`INSERT INTO decisions (delivery_id, tracker, ticket_key, ticket_id, outcome, received_at, decided_at) VALUES ($1, 'jira', $2, $2, 'pass', $3, $3)`, [`d-${(seq += 1)}`, key, new Date(blockedAt + (week + ticket) * 5 * HOUR_MS).toISOString()]);
      }
    }
    browser = await launchChromium({ extraHTTPHeaders: { authorization: `Bearer ${h.adminToken}` }, viewport: { width: 1280, height: 800 }, bypassCSP: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it.each([
    ['waivers', '/ui/waivers', 'Synthetic training set; no personal data'],
    ['trends', '/ui/trends?weeks=12', 'Tickets blocked and blocks cleared per week'],
    ['audit', '/ui/audit', 'Priya Patel (jira:u-priya)'],
  ])('renders the %s page with no serious accessibility problem', async (name, path, expected) => {
    const page = await browser.newPage();
    const response = await page.goto(`${h.url}${path}`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('main')).toContain(expected);
    await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: false });
    expect(await seriousViolationsOn(page)).toEqual([]);
    await page.close();
  });
});
