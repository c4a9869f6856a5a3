import { mkdir } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { createSignInLinks } from '../../../src/auth/sign-in-links.js';
import { chromiumAvailable, launchChromium } from '../../support/chromium.js';
import { createPostgresTestDatabase, type TestDatabase } from '../../support/databases.js';
import { startLocalOidcProvider, type LocalOidcProvider } from '../../support/local-oidc-provider.js';
import { signInAppPort, startSignInTestApp, type SignInTestApp } from '../../support/sign-in-test-app.js';
import { seriousViolationsAt } from './axe-violations.js';

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
const SCREENSHOTS = 'test-artifacts/screenshots';

describeInBrowser('signing in to the web app in headless Chromium', () => {
  let store: TestDatabase;
  let idp: LocalOidcProvider;
  let app: SignInTestApp;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    store = await createPostgresTestDatabase();
    const port = await signInAppPort();
    idp = await startLocalOidcProvider(`http://127.0.0.1:${port}/ui/auth/callback`, (login) => (login === 'priya' ? ['approvers', 'everyone'] : []));
    app = await startSignInTestApp(store, port, idp);
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await idp?.close();
    await store?.drop();
  });

  const sessionCookie = async () => (await browser.cookies(`${app.url}/ui/`)).find((cookie) => cookie.name === 'donegate_session');

  /** Serious and critical axe violations of the page as it is now (axe injected outside our CSP). */
  const seriousViolations = async (url: string): Promise<string[]> => {
    const audited = await browser.browser()!.newContext({ bypassCSP: true });
    try {
      return await seriousViolationsAt(audited, url);
    } finally {
      await audited.close();
    }
  };

  it('signs in through the IdP, lands on the page asked for with a session, and signs out', async () => {
    await page.goto(`${app.url}/ui/login?next=/ui/waivers`);
    await page.screenshot({ path: `${SCREENSHOTS}/login.png` });
    await page.getByRole('link', { name: 'Sign in with Local IdP' }).click();
    await page.locator('input[name=login]').fill('priya');
    await page.locator('input[name=password]').fill('anything');
    await page.locator('button[type=submit]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${app.url}/ui/waivers`);
    const cookie = await sessionCookie();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/ui' });
    expect(await store.db.query('SELECT principal_name, role, method, oidc_subject FROM ui_sessions WHERE revoked_at IS NULL')).toEqual([
      { principal_name: 'priya@example.com', role: 'approver', method: 'oidc', oidc_subject: 'priya' },
    ]);
    const [{ csrf_token: csrf }] = (await store.db.query<{ csrf_token: string }>('SELECT csrf_token FROM ui_sessions WHERE revoked_at IS NULL')) as [{ csrf_token: string }];
    const out = await browser.request.post(`${app.url}/ui/logout`, { form: { _csrf: csrf }, maxRedirects: 0 });
    expect(out.status()).toBe(303);
    expect(await sessionCookie()).toBeUndefined();
    expect(await store.db.query('SELECT 1 FROM ui_sessions WHERE revoked_at IS NULL')).toEqual([]);
  }, 60_000);

  it('signs in through a link after Continue', async () => {
    const { secret } = await createSignInLinks(store.db).create({ name: 'Priya (PM)', role: 'viewer', projects: ['ML'], expiresAt: new Date(Date.now() + 7 * 86_400_000), createdBy: 'cli' });
    await page.goto(`${app.url}/ui/link/${secret}`);
    await page.screenshot({ path: `${SCREENSHOTS}/link.png` });
    expect(await sessionCookie()).toBeUndefined();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${app.url}/ui/board`);
    expect(await sessionCookie()).toBeDefined();
    expect(await store.db.query('SELECT principal_name, role, method FROM ui_sessions WHERE revoked_at IS NULL')).toEqual([{ principal_name: 'Priya (PM)', role: 'viewer', method: 'link' }]);
  }, 60_000);

  it('has no serious or critical accessibility problems on the sign-in, link and used-link pages', async () => {
    const { secret } = await createSignInLinks(store.db).create({ name: 'Sam', role: 'viewer', projects: [], expiresAt: new Date(Date.now() + 86_400_000), createdBy: 'cli' });
    const gone = `dgl_${'A'.repeat(43)}`;
    expect({ login: await seriousViolations(`${app.url}/ui/login`), link: await seriousViolations(`${app.url}/ui/link/${secret}`), gone: await seriousViolations(`${app.url}/ui/link/${gone}`) }).toEqual({
      login: [],
      link: [],
      gone: [],
    });
  }, 60_000);
});
