import { createSignInLinks } from '../../../src/auth/sign-in-links.js';
import { createPgliteTestDatabase, type TestDatabase } from '../../support/databases.js';
import { startLocalOidcProvider, type LocalOidcProvider } from '../../support/local-oidc-provider.js';
import { signInAppPort, startSignInTestApp, type SignInTestApp } from '../../support/sign-in-test-app.js';

describe('the sign-in pages', () => {
  let store: TestDatabase;
  let app: SignInTestApp;
  let idp: LocalOidcProvider;
  beforeAll(async () => {
    store = await createPgliteTestDatabase();
    const port = await signInAppPort();
    idp = await startLocalOidcProvider(`http://127.0.0.1:${port}/ui/auth/callback`, () => []);
    app = await startSignInTestApp(store, port, idp);
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
    await store?.drop();
  });

  const newLink = async () => {
    const { secret } = await createSignInLinks(store.db).create({ name: 'Priya (PM)', role: 'viewer', projects: ['ML'], expiresAt: new Date(Date.now() + 3_600_000), createdBy: 'cli' });
    return `${app.url}/ui/link/${secret}`;
  };
  const post = (url: string, headers: Record<string, string> = {}, body = '') =>
    fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
  const sessionCookieOf = (response: Response) => /donegate_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  const auditTypes = async () => (await store.db.query<{ type: string; actor: string; data: unknown }>('SELECT type, actor, data FROM audit_log ORDER BY seq')).map((row) => row);

  it('shows a Continue form for a link and leaves the link unused (mail scanners only GET)', async () => {
    const link = await newLink();
    for (let i = 0; i < 2; i += 1) {
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<form method="post" action="${new URL(link).pathname}"><button type="submit">Continue</button></form>`);
    }
    const signedIn = await post(link);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/ui/board');
    expect(signedIn.headers.get('set-cookie')).toMatch(/^donegate_session=[A-Za-z0-9_-]{43}; Path=\/ui; Expires=.*; HttpOnly; SameSite=Lax$/);
  });

  it('answers a used, an unknown and a malformed link alike, with 410', async () => {
    const link = await newLink();
    await post(link);
    const answers = await Promise.all([post(link), fetch(link), fetch(`${app.url}/ui/link/dgl_${'x'.repeat(43)}`), post(`${app.url}/ui/link/nonsense`)]);
    expect(answers.map((answer) => answer.status)).toEqual([410, 410, 410, 410]);
    const bodies = await Promise.all(answers.map((answer) => answer.text()));
    expect(new Set(bodies).size).toBe(1);
  });

  it('refuses a link form posted from another site, and the link stays usable', async () => {
    const link = await newLink();
    expect((await post(link, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(link, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(link, { 'sec-fetch-site': 'same-origin', origin: app.url })).status).toBe(303);
  });

  it('audits the sign-in with the link id as actor and never the cookie', async () => {
    const link = await newLink();
    const cookie = sessionCookieOf(await post(link))!;
    const entries = await auditTypes();
    const last = entries.at(-1)!;
    expect(last).toMatchObject({ type: 'ui-signed-in', actor: expect.stringMatching(/^link:[0-9a-f-]{36}$/), data: { method: 'link', role: 'viewer', projects: ['ML'] } });
    expect(JSON.stringify(entries)).not.toContain(cookie);
  });

  it('refuses sign-out without the CSRF token (403), then signs out with it', async () => {
    const cookie = sessionCookieOf(await post(await newLink()))!;
    const [{ csrf_token: csrf }] = (await store.db.query<{ csrf_token: string }>('SELECT csrf_token FROM ui_sessions ORDER BY created_at DESC LIMIT 1')) as [{ csrf_token: string }];
    const withCookie = { cookie: `donegate_session=${cookie}` };
    expect((await post(`${app.url}/ui/logout`, withCookie)).status).toBe(403);
    expect((await post(`${app.url}/ui/logout`, withCookie, '_csrf=wrong')).status).toBe(403);
    const out = await post(`${app.url}/ui/logout`, withCookie, `_csrf=${csrf}`);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/ui/login');
    expect(out.headers.get('set-cookie')).toMatch(/^donegate_session=; Path=\/ui; Expires=Thu, 01 Jan 1970/);
    expect((await auditTypes()).at(-1)).toMatchObject({ type: 'ui-signed-out', data: { role: 'viewer' } });
    // The old cookie no longer signs anyone out, or in.
    expect((await post(`${app.url}/ui/logout`, withCookie, `_csrf=${csrf}`)).headers.get('location')).toBe('/ui/login');
    expect(await store.db.query('SELECT 1 FROM ui_sessions WHERE revoked_at IS NULL AND csrf_token = $1', [csrf])).toEqual([]);
  });

  it('offers single sign-on and sends the browser to the IdP with PKCE, state and nonce', async () => {
    const login = await (await fetch(`${app.url}/ui/login?next=/ui/waivers`)).text();
    expect(login).toContain('<a class="button" href="/ui/auth/start?next=%2Fui%2Fwaivers">Sign in with Local IdP</a>');
    const start = await fetch(`${app.url}/ui/auth/start?next=/ui/waivers`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const to = new URL(start.headers.get('location')!);
    expect(to.origin).toBe(idp.issuer);
    expect(Object.fromEntries(['code_challenge_method', 'redirect_uri', 'scope'].map((name) => [name, to.searchParams.get(name)]))).toEqual({
      code_challenge_method: 'S256',
      redirect_uri: `${app.url}/ui/auth/callback`,
      scope: 'openid email profile',
    });
    expect(to.searchParams.get('state')).toMatch(/.{20,}/);
    expect(to.searchParams.get('nonce')).toMatch(/.{20,}/);
    expect(start.headers.get('set-cookie')).toMatch(/^donegate_oidc=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/ui\/auth; Expires=.*; HttpOnly; SameSite=Lax$/);
  });

  it('shows the IdP error escaped, and refuses a callback this browser did not start', async () => {
    const error = await fetch(`${app.url}/ui/auth/callback?error=access_denied&error_description=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(error.status).toBe(400);
    const text = await error.text();
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).not.toContain('<script>alert');
    const stranger = await fetch(`${app.url}/ui/auth/callback?code=stolen&state=whatever`);
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain('started in another browser');
  });
});
