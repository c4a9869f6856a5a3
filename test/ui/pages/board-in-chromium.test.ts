import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromiumBrowser } from '../../support/chromium.js';
import { auditEvidence, blockedDecision, recordWithAudit, startUiTestApp, type UiTestApp } from '../../support/ui-test-app.js';
import { seriousViolationsAt } from './axe-violations.js';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
const SCREENSHOTS = 'test-artifacts/screenshots';
const NOW = new Date(Date.UTC(2026, 11, 2, 12));
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra'];
const SUMMARIES = ['Train churn model v3', 'Export customer embeddings', 'Fine-tune support classifier', 'Publish fraud features', 'Retrain ranking model', 'Ship labelled dataset'];

describeInBrowser('the board and ticket pages in headless Chromium', () => {
  let app: UiTestApp;
  let browser: Browser;
  let headers: Record<string, string>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startUiTestApp(() => NOW);
    await auditEvidence(app, 'jira', 'ML-101', daysAgo(18));
    headers = { authorization: `Bearer ${await app.token('viewer')}` };
    for (let i = 0; i < 14; i += 1) {
      const project = i % 3 === 0 ? 'PLAT' : 'ML';
      const key = `${project}-${100 + i}`;
      const snap = { ticket: { summary: SUMMARIES[i % SUMMARIES.length]!, assignee: PEOPLE[i % PEOPLE.length]!, project, url: `https://acme.atlassian.net/browse/${key}` } };
      await recordWithAudit(app, blockedDecision('jira', key, daysAgo(20 - i), snap));
      if (i % 4 === 0) await recordWithAudit(app, blockedDecision('jira', key, daysAgo(10 - i / 4), snap));
    }
    await recordWithAudit(app, blockedDecision('linear', 'AI-7', daysAgo(3), { ticket: { summary: 'Label support tickets', assignee: 'grace', project: 'AI', url: 'https://linear.app/acme/issue/AI-7/label' } }));
    browser = await launchChromiumBrowser();
    context = await browser.newContext({ extraHTTPHeaders: headers, viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const rowKeys = (p: Page) => p.locator('table.board tbody th[scope="row"] > :first-child').allTextContents();

  it('sorts by a column from its header link and marks it with aria-sort', async () => {
    await page.goto(`${app.url}/ui/board`);
    await page.screenshot({ path: `${SCREENSHOTS}/board.png`, fullPage: false });
    expect(await page.locator('th[aria-sort]').textContent()).toContain('Failing since');
    await page.getByRole('link', { name: /^Times blocked/ }).click();
    await page.getByRole('link', { name: /^Times blocked/ }).click();
    expect(page.url()).toContain('sort=times&dir=desc');
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Times blocked');
    const first = await page.locator('table.board tbody tr').first().locator('td').nth(7).textContent();
    expect(first).toBe('2');
  });

  it('filters with the form, and the shared URL shows the same view in a fresh browser context', async () => {
    await page.goto(`${app.url}/ui/board`);
    await page.getByLabel('Project or team').fill('plat');
    await page.getByLabel('Assignee').fill('ada');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/project=plat/);
    const filtered = await rowKeys(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((key) => key.startsWith('PLAT-'))).toBe(true);
    const shared = page.url();
    const other = await browser.newContext({ extraHTTPHeaders: headers });
    const fresh = await other.newPage();
    await fresh.goto(shared);
    expect(await rowKeys(fresh)).toEqual(filtered);
    expect(await fresh.getByLabel('Assignee').inputValue()).toBe('ada');
    await other.close();
  });

  it('downloads the CSV of the view on screen', async () => {
    await page.goto(`${app.url}/ui/board?project=ML&sort=key`);
    const onScreen = await rowKeys(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(await download.failure()).toBeNull();
    const csv = await readFile((await download.path())!, 'utf8');
    const keys = csv.trim().split('\r\n').slice(1).map((line) => line.split(',')[1]);
    expect(keys).toEqual(onScreen);
  });

  it('opens a ticket\'s timeline from the board, newest first, with the evidence and the move back', async () => {
    await page.goto(`${app.url}/ui/board?project=ML&sort=key`);
    await page.getByRole('link', { name: 'history of ML-101' }).click();
    await page.waitForURL(/\/ui\/tickets\/jira\/ML-101$/);
    const types = await page.locator('ol.timeline > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-type')));
    expect(types).toEqual(['decision', 'action', 'evidence-accepted']);
    expect(await page.locator('ol.timeline').textContent()).toContain('Evidence for dependency-audit accepted');
    expect(await page.getByRole('link', { name: 'ML-101' }).getAttribute('href')).toBe('https://acme.atlassian.net/browse/ML-101');
    await page.screenshot({ path: `${SCREENSHOTS}/ticket.png`, fullPage: false });
  });

  it('has no serious or critical accessibility violation on either page, nor on their error pages', async () => {
    const axeContext = await browser.newContext({ extraHTTPHeaders: headers, bypassCSP: true });
    expect(await seriousViolationsAt(axeContext, `${app.url}/ui/board`)).toEqual([]);
    expect(await seriousViolationsAt(axeContext, `${app.url}/ui/tickets/jira/ML-101`)).toEqual([]);
    expect(await seriousViolationsAt(axeContext, `${app.url}/ui/board?olderThan=soon`)).toEqual([]);
    expect(await seriousViolationsAt(axeContext, `${app.url}/ui/tickets/jira/NOPE-1`)).toEqual([]);
    await axeContext.close();
  });
});
