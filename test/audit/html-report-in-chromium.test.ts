import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BrowserContext, Page } from 'playwright-core';
import { exportAudit } from '../../src/audit/export-audit.js';
import { parsePeriod } from '../../src/audit/audit-period.js';
import { seedAuditHistory } from '../support/audit-fixture.js';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser('the HTML audit report in headless Chromium', () => {
  let store: TestDatabase;
  let browser: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    store = await createPgliteTestDatabase();
    await seedAuditHistory(store.db, { now: new Date() });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await exportAudit(store.db, out, { format: 'html', period: parsePeriod('2026-10-01', '2026-10-31'), now: new Date('2026-11-26T00:00:00Z') });
    out.end();
    const file = join(tmpdir(), `donegate-report-${process.pid}.html`);
    await writeFile(file, Buffer.concat(chunks));
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await store?.drop();
  });

  it('renders the totals as visible figures', async () => {
    const figures = await page.locator('.totals strong').allInnerTexts();
    expect(figures).toEqual(['3', '1', '2', '1']);
    for (const id of ['total-gated', 'total-passed-first-time', 'total-blocked', 'total-waived']) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box && box.width > 5 && box.height > 10).toBe(true);
    }
  });

  it('draws the figures: a screenshot of the totals changes when the figures are blanked out', async () => {
    const totals = page.locator('.totals');
    const shown = await totals.screenshot({ path: join(tmpdir(), `donegate-report-totals-${process.pid}.png`) });
    await page.locator('.totals strong').evaluateAll((figures) => figures.forEach((figure) => (figure.textContent = '')));
    const blanked = await totals.screenshot();
    await page.reload();
    expect(shown.length).toBeGreaterThan(1000);
    expect(shown.equals(blanked)).toBe(false);
  });

  it('is self-contained: loading it fetches nothing beyond the file, and runs no script', async () => {
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
  });

  it('shows the period, the policy, the open waiver and each ticket trail, and prints', async () => {
    const text = await page.locator('body').innerText();
    expect(text).toContain('Annex A 5.8');
    expect(text).toContain('period 2026-10-01 to 2026-10-31 (UTC, last day included)');
    expect(text).toContain('a'.repeat(64));
    expect(text).toMatch(/linear AI-3\s+dependency-audit \(GHSA-p6mc-m468-83gw\)\s+token:sec-lead\s+2027-01-31\s+<b>build-time only<\/b>/);
    expect(await page.locator('section.ticket h3').allInnerTexts()).toEqual(['jira ML-1', 'jira ML-2', 'linear AI-3']);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
