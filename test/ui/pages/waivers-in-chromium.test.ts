import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import type { Role } from '../../../src/domain/index.js';
import { createSignInLinks } from '../../../src/auth/sign-in-links.js';
import { chromiumAvailable, launchChromiumBrowser } from '../../support/chromium.js';
import { startGateHarness, type GateHarness } from '../../support/gate-harness.js';
import { waitFor } from '../../support/wait-for.js';
import { seriousViolationsOn } from './axe-violations.js';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
const SCREENSHOTS = 'test-artifacts/screenshots';
const SESSION_COOKIE = 'donegate_session';
const DAY_MS = 86_400_000;
const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice' };
const REASON = 'Synthetic training set; no personal data';

interface SignedIn {
  context: BrowserContext;
  page: Page;
}

describeInBrowser('waivers from the page in headless Chromium, signed in by session cookie', () => {
  let h: GateHarness;
  let browser: Browser;
  let approver: SignedIn;
  let viewer: SignedIn;
  let auditorToken: string;
  let ticket: string;
  let lastDay: string;
  let waiverId: string;

  /** A fresh browser with no Authorization header, signed in through a link as an admin would send it. */
  const signInByLink = async (name: string, role: Role): Promise<SignedIn> => {
    const { secret } = await createSignInLinks(h.db).create({ name, role, projects: [], expiresAt: new Date(Date.now() + DAY_MS), createdBy: 'test' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${h.url}/ui/link/${secret}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${h.url}/ui/board`);
    return { context, page };
  };
  const sessionCookie = async (who: SignedIn): Promise<Cookie | undefined> => (await who.context.cookies(`${h.url}/ui/`)).find((c) => c.name === SESSION_COOKIE);
  /** The session's CSRF token as the page hands it out: the hidden field of the sign-out form every page has. */
  const csrfOnPage = (who: SignedIn) => who.page.locator('form[action="/ui/logout"] input[name="_csrf"]').inputValue();
  const waiversOf = async (key: string) =>
    ((await (await h.api(`/tickets/jira/${key}/waivers`)).json()) as { waivers: Array<{ id: string; status: string; approver: string; reason: string }> }).waivers;
  const auditEntries = (type: string) => h.db.query<{ actor: string; data: Record<string, unknown> }>('SELECT actor, data FROM audit_log WHERE type = $1 ORDER BY seq', [type]);
  const verify = async () => (await (await h.api('/audit/verify', { token: auditorToken })).json()) as { ok: boolean; checked: number };
  const timelineTypes = (page: Page) => page.locator('ol.timeline > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-type')));

  /** Serious and critical axe findings on a page, seen with `who`'s session (axe injected outside our CSP). */
  const seriousViolations = async (who: SignedIn, path: string): Promise<string[]> => {
    const audited = await browser.newContext({ bypassCSP: true });
    try {
      await audited.addCookies(await who.context.cookies());
      const tab = await audited.newPage();
      await tab.goto(`${h.url}${path}`);
      expect(new URL(tab.url()).pathname).toBe(path);
      return await seriousViolationsOn(tab);
    } finally {
      await audited.close();
    }
  };

  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    auditorToken = await h.createToken('auditor', 'iso-auditor');
    // A ticket blocked the ordinary way: dependencies audited, no PII scan, moved to Done.
    ticket = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' }).key;
    await h.supplyEvidence('jira', ticket, ['dependency-audit']);
    await h.post('jira', h.jira.moveIssue(ticket, 'Done', ALICE), { deliveryId: 'ui-move-1' });
    expect((await h.decisionFor('jira', ticket, 'ui-move-1')).outcome).toBe('fail');
    lastDay = new Date(Date.now() + 20 * DAY_MS).toISOString().slice(0, 10);
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromiumBrowser();
    approver = await signInByLink('Dana (security lead)', 'approver');
    viewer = await signInByLink('Sam (PM)', 'viewer');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('signs both people in with an httpOnly, SameSite=Lax session cookie and no bearer token', async () => {
    for (const who of [approver, viewer]) expect(await sessionCookie(who)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/ui' });
    const [request] = await Promise.all([approver.page.waitForRequest(`${h.url}/ui/waivers`), approver.page.goto(`${h.url}/ui/waivers`)]);
    expect(await request.allHeaders()).not.toHaveProperty('authorization');
  });

  it('lets an approver create a waiver with the form; the ticket is re-checked, the timeline shows it, and the audit chain verifies with it', async () => {
    const { page } = approver;
    await page.goto(`${h.url}/ui/waivers`);
    await page.getByLabel('Tracker').selectOption('jira');
    await page.getByLabel('Ticket').fill(ticket);
    await page.getByLabel('Criterion').selectOption('pii-scan');
    await page.getByLabel('Reason').fill(REASON);
    await page.getByLabel('Last day').fill(lastDay);
    await page.screenshot({ path: `${SCREENSHOTS}/waivers-form.png`, fullPage: true });
    await page.getByRole('button', { name: 'Create waiver' }).click();
    await page.waitForURL(`${h.url}/ui/waivers?done=created`);
    expect(await page.getByRole('status').textContent()).toContain('Waiver created');

    const [waiver] = await waiversOf(ticket);
    // A person in a browser, not a script's token: the audit trail says so.
    expect(waiver).toMatchObject({ status: 'active', approver: 'Dana (security lead)', approvedVia: 'ui', reason: REASON });
    waiverId = waiver!.id;
    expect((await h.decisionFor('jira', ticket, `waiver:${waiverId}`)).outcome).toBe('pass');
    expect(await auditEntries('waiver-created')).toEqual([expect.objectContaining({ actor: 'user:Dana (security lead)', data: expect.objectContaining({ waiverId, criterion: 'pii-scan', reason: REASON, approvedVia: 'ui' }) })]);

    await page.getByRole('link', { name: ticket }).first().click();
    await page.waitForURL(`${h.url}/ui/tickets/jira/${ticket}`);
    // The re-check after the waiver is appended by the worker after its decision row: wait for it on the page.
    const rechecked = async () => (await page.locator('ol.timeline > li').first().textContent())?.includes('Re-checked after a waiver');
    await waitFor(async () => (await rechecked()) || (await page.reload(), false), { what: 'the re-check after the waiver on the timeline', timeoutMs: 15_000 });
    const timeline = await page.locator('ol.timeline').textContent();
    expect(timeline).toContain(`Waiver of pii-scan created, last day ${lastDay}, via ui: ${REASON}`);
    expect(timeline).toContain('Re-checked after a waiver: pass');
    expect(await timelineTypes(page)).toContain('waiver-created');
    await page.screenshot({ path: `${SCREENSHOTS}/ticket-waived.png`, fullPage: true });

    expect(await verify()).toMatchObject({ ok: true });
  }, 60_000);

  it('shows a viewer the running waiver without the create form or any revoke button', async () => {
    const { page } = viewer;
    await page.goto(`${h.url}/ui/waivers`);
    expect(await page.locator('main').textContent()).toContain(REASON);
    expect(await page.getByRole('button', { name: 'Create waiver' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    expect(await page.locator('form[method="post"][action^="/ui/waivers"]').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/waivers-viewer.png`, fullPage: true });
  });

  it('refuses a viewer\'s posts (403) even with the session cookie and its valid CSRF token, and changes nothing', async () => {
    await viewer.page.goto(`${h.url}/ui/waivers`);
    const csrf = await csrfOnPage(viewer);
    expect(await h.db.query('SELECT 1 FROM ui_sessions WHERE principal_name = $1 AND csrf_token = $2 AND revoked_at IS NULL', ['Sam (PM)', csrf])).toHaveLength(1);
    const create = await viewer.context.request.post(`${h.url}/ui/waivers`, {
      form: { _csrf: csrf, tracker: 'jira', ticket, criterion: 'dependency-audit', advisories: '', reason: 'viewer tries', expires: lastDay },
      maxRedirects: 0,
    });
    expect(create.status()).toBe(403);
    expect(await create.json()).toMatchObject({ error: { code: 'FORBIDDEN_ROLE' } });
    const revoke = await viewer.context.request.post(`${h.url}/ui/waivers/${waiverId}/revoke`, { form: { _csrf: csrf, reason: 'viewer tries' }, maxRedirects: 0 });
    expect(revoke.status()).toBe(403);
    expect((await waiversOf(ticket)).map((w) => [w.id, w.status])).toEqual([[waiverId, 'active']]);
  });

  it.each([
    ['without a CSRF token', {}],
    ['with a wrong CSRF token', { _csrf: 'x'.repeat(43) }],
  ])('refuses an approver\'s post %s (403) and creates nothing', async (_case, token) => {
    const answer = await approver.context.request.post(`${h.url}/ui/waivers`, {
      form: { ...token, tracker: 'jira', ticket, criterion: 'dependency-audit', advisories: '', reason: 'forged from another site', expires: lastDay },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
    const revoke = await approver.context.request.post(`${h.url}/ui/waivers/${waiverId}/revoke`, { form: { ...token, reason: 'forged' }, maxRedirects: 0 });
    expect(revoke.status()).toBe(403);
    expect((await waiversOf(ticket)).map((w) => [w.id, w.status])).toEqual([[waiverId, 'active']]);
    expect(await auditEntries('waiver-created')).toHaveLength(1);
  });

  it('has no serious or critical accessibility problem on the waivers page, for an approver (with the forms) and a viewer', async () => {
    expect({ approver: await seriousViolations(approver, '/ui/waivers'), viewer: await seriousViolations(viewer, '/ui/waivers') }).toEqual({ approver: [], viewer: [] });
  }, 60_000);

  it('lets the approver revoke the waiver from its button; logged, shown on the timeline, the chain still verifying', async () => {
    const { page } = approver;
    await page.goto(`${h.url}/ui/waivers`);
    await page.getByLabel(`Why revoke the waiver of pii-scan on ${ticket}`).fill('real customer data found');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.waitForURL(`${h.url}/ui/waivers?done=revoked`);
    expect(await page.locator('#revoked + table').textContent()).toContain('real customer data found');
    expect((await waiversOf(ticket))[0]).toMatchObject({ id: waiverId, status: 'revoked' });
    expect(await auditEntries('waiver-revoked')).toEqual([expect.objectContaining({ actor: 'user:Dana (security lead)', data: expect.objectContaining({ waiverId, reason: 'real customer data found' }) })]);
    await page.goto(`${h.url}/ui/tickets/jira/${ticket}`);
    expect(await timelineTypes(page)).toContain('waiver-revoked');
    expect(await page.locator('ol.timeline').textContent()).toContain('Waiver of pii-scan revoked: real customer data found');
    expect(await verify()).toMatchObject({ ok: true });
  }, 60_000);

  it('ends the session on sign-out: the board sends to sign-in, and the old cookie no longer works', async () => {
    const { page } = approver;
    const old = (await sessionCookie(approver))!;
    const oldCsrf = await csrfOnPage(approver);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${h.url}/ui/login`);
    expect(await sessionCookie(approver)).toBeUndefined();
    await page.goto(`${h.url}/ui/board`);
    expect(page.url()).toBe(`${h.url}/ui/login?next=${encodeURIComponent('/ui/board')}`);

    const withOldCookie = { cookie: `${SESSION_COOKIE}=${old.value}` };
    const board = await fetch(`${h.url}/ui/board`, { redirect: 'manual', headers: withOldCookie });
    expect(board.status).toBe(303);
    expect(board.headers.get('location')).toBe('/ui/login?next=%2Fui%2Fboard');
    const post = await fetch(`${h.url}/ui/waivers`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...withOldCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: oldCsrf, tracker: 'jira', ticket, criterion: 'pii-scan', reason: 'after sign-out', expires: lastDay }).toString(),
    });
    expect(post.status).toBe(401);
    expect(await waiversOf(ticket)).toHaveLength(1);
  });
});
