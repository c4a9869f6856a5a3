import { createSignInLinks } from '../../src/auth/sign-in-links.js';
import { createTokenRepository } from '../../src/auth/token-repository.js';
import { registerLinkCommands } from '../../src/cli/link-commands.js';
import { startApiTestApp, type ApiTestApp } from '../support/api-test-app.js';
import { runCommand } from '../support/run-command.js';

describe('donegate link create', () => {
  let api: ApiTestApp;
  let adminToken: string;
  beforeAll(async () => {
    api = await startApiTestApp();
    adminToken = (await createTokenRepository(api.store.db).create({ name: 'admin', role: 'admin' })).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const donegate = (args: string[], env: NodeJS.ProcessEnv = {}, publicUrl: string | null = 'https://donegate.example.com') =>
    runCommand(
      (program, io) => registerLinkCommands(program, { ...io, env, publicUrl: async () => publicUrl ?? undefined, openDb: async () => ({ ...api.store.db, close: async () => undefined }) }),
      ['link', 'create', ...args],
    );
  const secretOf = (out: string) => /\/ui\/link\/(dgl_[A-Za-z0-9_-]{43})\n$/.exec(out)?.[1];

  it('prints a one-use link on the database, scoped and audited as cli, storing only its hash', async () => {
    const run = await donegate(['--role', 'viewer', '--expires', '7d', '--projects', 'ml', '--name', 'Priya (PM)']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^https:\/\/donegate\.example\.com\/ui\/link\/dgl_[A-Za-z0-9_-]{43}\n$/);
    expect(run.err).toMatch(/usable once until .*cannot be shown again/);
    const secret = secretOf(run.out)!;
    expect(JSON.stringify(await api.store.db.query('SELECT * FROM ui_sign_in_links'))).not.toContain(secret);
    expect(await createSignInLinks(api.store.db).redeem(secret)).toMatchObject({ name: 'Priya (PM)', role: 'viewer', projects: ['ML'], createdBy: 'cli' });
    const [entry] = await api.store.db.query('SELECT actor, data FROM audit_log WHERE type = $1', ['sign-in-link-created']);
    expect(entry).toMatchObject({ actor: 'cli', data: { name: 'Priya (PM)', role: 'viewer' } });
  });

  it('makes the link through a running service with --url', async () => {
    const run = await donegate(['--role', 'auditor', '--expires', '12h', '--url', api.url], { DONEGATE_TOKEN: adminToken }, null);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^https:\/\/donegate\.example\.com\/ui\/link\/dgl_/);
    expect(await createSignInLinks(api.store.db).redeem(secretOf(run.out)!)).toMatchObject({ role: 'auditor', name: 'auditor (sign-in link)', createdBy: 'token:admin' });
  });

  it.each([
    [['--role', 'viewer', '--expires', '31d'], /at most 30d/],
    [['--role', 'viewer', '--expires', 'soon'], /such as 7d or 12h/],
    [['--role', 'ci', '--expires', '1d'], /Allowed choices are viewer, auditor, approver, admin/],
  ])('exits 2 for %j', async (args, message) => {
    const run = await donegate(args);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(message);
  });

  it('refuses the ci role through the API too', async () => {
    const response = await fetch(`${api.url}/api/v1/sign-in-links`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'ci', expires: '1d' }) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('ci is for pipeline tokens');
  });

  it('exits 2 without UI_PUBLIC_URL, as there is no address to give', async () => {
    const run = await donegate(['--role', 'viewer', '--expires', '1d'], {}, null);
    expect(run.code).toBe(2);
    expect(run.err).toContain('set UI_PUBLIC_URL');
  });
});
