import type { CookieOptions, Request, Response } from 'express';
import { createUiSessions } from '../../../src/ui/auth/create-ui-sessions.js';
import type { SignedInPerson } from '../../../src/ui/auth/ui-sessions.js';
import { STORES, type TestDatabase } from '../../support/databases.js';

/** What a browser would keep of the answers: the session cookie and its attributes. */
function browser() {
  const jar: { value?: string; options?: CookieOptions } = {};
  const res = {
    cookie(_name: string, value: string, options: CookieOptions) {
      jar.value = value;
      jar.options = options;
      return res;
    },
    clearCookie() {
      delete jar.value;
      return res;
    },
  } as unknown as Response;
  const req = (): Request => ({ headers: jar.value === undefined ? {} : { cookie: `other=1; donegate_session=${jar.value}` } }) as unknown as Request;
  return { jar, req, res };
}

const priya: SignedInPerson = { name: 'priya@example.com', role: 'approver', projects: ['ML'], method: { kind: 'oidc', issuer: 'https://idp.example.com', subject: 'sub-1' } };

describe.each(STORES)('browser sessions on %s', (_name, createStore) => {
  let store: TestDatabase;
  let clock: Date;
  beforeAll(async () => {
    store = await createStore();
  });
  afterAll(async () => {
    await store.drop();
  });
  beforeEach(() => {
    clock = new Date('2026-03-01T10:00:00Z');
  });
  const sessions = (secure = true) => createUiSessions(store.db, { idleMinutes: 60, maxHours: 12, secure, now: () => clock });
  const later = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };

  it('sets an httpOnly, SameSite=Lax cookie on /ui, Secure behind https, and stores only its sha256', async () => {
    const b = browser();
    const { principal } = await sessions().start(b.req(), b.res, priya);
    expect(b.jar.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/ui', secure: true });
    expect(principal).toEqual({ tokenId: expect.stringMatching(/^session:[0-9a-f]{8}$/), name: 'priya@example.com', role: 'approver', projects: ['ML'], session: true });
    const rows = await store.db.query('SELECT * FROM ui_sessions');
    expect(JSON.stringify(rows)).not.toContain(b.jar.value);
    expect(await sessions().current(b.req(), b.res)).toEqual({ principal, csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const plain = browser();
    await sessions(false).start(plain.req(), plain.res, priya);
    expect(plain.jar.options?.secure).toBe(false);
  });

  it('ends after the idle timeout, and stays alive while used', async () => {
    const b = browser();
    await sessions().start(b.req(), b.res, priya);
    later(50);
    expect(await sessions().current(b.req(), b.res)).toBeDefined();
    later(50);
    expect(await sessions().current(b.req(), b.res)).toBeDefined();
    later(61);
    expect(await sessions().current(b.req(), b.res)).toBeUndefined();
  });

  it('ends at the absolute timeout however busy', async () => {
    const b = browser();
    await sessions().start(b.req(), b.res, priya);
    for (let hour = 0; hour < 12; hour += 1) {
      later(59);
      expect(await sessions().current(b.req(), b.res)).toBeDefined();
    }
    later(60);
    expect(await sessions().current(b.req(), b.res)).toBeUndefined();
  });

  it('is gone once signed out, even for a copy of the cookie', async () => {
    const b = browser();
    await sessions().start(b.req(), b.res, priya);
    const copy = b.req();
    expect(await sessions().end(b.req(), b.res)).toMatchObject({ name: 'priya@example.com' });
    expect(b.jar.value).toBeUndefined();
    expect(await sessions().current(copy, b.res)).toBeUndefined();
  });

  it('gives a new id at every sign-in and revokes the one the browser had (no fixation)', async () => {
    const b = browser();
    await sessions().start(b.req(), b.res, { ...priya, role: 'viewer' });
    const planted = b.req();
    const first = b.jar.value;
    await sessions().start(b.req(), b.res, priya);
    expect(b.jar.value).not.toBe(first);
    expect(await sessions().current(planted, b.res)).toBeUndefined();
    expect((await sessions().current(b.req(), b.res))?.principal.role).toBe('approver');
  });

  it('ignores a cookie that is not one of ours', async () => {
    const req = { headers: { cookie: 'donegate_session=%27%20OR%201%3D1' } } as unknown as Request;
    expect(await sessions().current(req, browser().res)).toBeUndefined();
  });
});
