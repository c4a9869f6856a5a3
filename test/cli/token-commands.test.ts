import { createTokenRepository } from '../../src/auth/token-repository.js';
import { hashToken } from '../../src/auth/token-secret.js';
import { registerTokenCommands } from '../../src/cli/token-commands.js';
import { STORES, type TestDatabase } from '../support/databases.js';
import { runCommand } from '../support/run-command.js';

describe.each(STORES)('donegate token … on %s', (_name, open) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.drop();
  });

  /** The commands as main.ts registers them, on the suite's database (each command closes it: a no-op here). */
  const donegate = (...args: string[]) =>
    runCommand((program, io) => registerTokenCommands(program, { ...io, openDb: async () => ({ ...store.db, close: async () => undefined }) }), ['token', ...args]);

  describe('token create', () => {
    it('prints the token once on stdout, warns on stderr, and stores only its hash', async () => {
      const run = await donegate('create', '--role', 'ci', '--name', 'ci-main', '--projects', 'ml,AI');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^dg_[A-Za-z0-9_-]{43}\n$/);
      const token = run.out.trim();
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(run.err).toMatch(/cannot be shown again/);
      expect(run.err).not.toContain(token);
      const rows = await store.db.query<{ token_hash: string; projects: string[]; created_by: string }>(
        `SELECT token_hash, projects, created_by FROM api_tokens WHERE name = 'ci-main'`,
      );
      expect(rows).toEqual([{ token_hash: hashToken(token), projects: ['ML', 'AI'], created_by: 'cli' }]);
      expect(await createTokenRepository(store.db).authenticate(token)).toMatchObject({ name: 'ci-main', role: 'ci' });
    });

    it('exits 2 naming the roles for an unknown role', async () => {
      const run = await donegate('create', '--role', 'root', '--name', 'x');
      expect(run.code).toBe(2);
      expect(run.out).toBe('');
      expect(run.err).toMatch(/viewer, ci, auditor, approver, admin/);
    });

    it('exits 2 for an empty name', async () => {
      const run = await donegate('create', '--role', 'ci', '--name', '  ');
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/needs a name/);
    });

    it('stores tracker-qualified scopes as given, beside bare keys', async () => {
      const run = await donegate('create', '--role', 'ci', '--name', 'ci-jira-ml', '--projects', 'jira:ml,AI');
      expect(run.code).toBe(0);
      const rows = await store.db.query<{ projects: string[] }>(`SELECT projects FROM api_tokens WHERE name = 'ci-jira-ml'`);
      expect(rows).toEqual([{ projects: ['jira:ML', 'AI'] }]);
    });

    it('exits 2 for a malformed project key', async () => {
      const run = await donegate('create', '--role', 'ci', '--name', 'bad-projects', '--projects', 'ML-1');
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/not a project key/);
    });

    it('exits 2 saying why when a live token has the name, and prints no token', async () => {
      await donegate('create', '--role', 'auditor', '--name', 'taken');
      const run = await donegate('create', '--role', 'auditor', '--name', 'taken');
      expect(run.code).toBe(2);
      expect(run.out).toBe('');
      expect(run.err).toMatch(/already exists.*donegate token revoke taken/);
    });
  });

  describe('token list', () => {
    it('shows name, role, projects, prefix and dates but never the token or its hash', async () => {
      const token = (await donegate('create', '--role', 'approver', '--name', 'listed', '--projects', 'PLAT')).out.trim();
      const run = await donegate('list');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/NAME\s+ROLE\s+PROJECTS\s+PREFIX\s+CREATED\s+LAST USED\s+REVOKED/);
      expect(run.out).toMatch(new RegExp(`listed\\s+approver\\s+PLAT\\s+${token.slice(0, 8)}…\\s+\\S+\\s+never\\s+-`));
      expect(run.out).not.toContain(token.slice(0, 9));
      expect(run.out).not.toContain(hashToken(token));
    });

    it('prints JSON with --json, without the token or its hash', async () => {
      const token = (await donegate('create', '--role', 'admin', '--name', 'listed-json')).out.trim();
      const run = await donegate('list', '--json');
      const listing = JSON.parse(run.out) as Array<Record<string, unknown>>;
      expect(listing.find((t) => t.name === 'listed-json')).toEqual({
        id: expect.any(String),
        name: 'listed-json',
        role: 'admin',
        projects: [],
        prefix: token.slice(0, 8),
        createdAt: expect.any(String),
        createdBy: 'cli',
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(run.out).not.toContain(token.slice(0, 9));
      expect(run.out).not.toContain(hashToken(token));
    });
  });

  describe('token revoke', () => {
    it('revokes by name, after which the token no longer authenticates', async () => {
      const token = (await donegate('create', '--role', 'ci', '--name', 'to-revoke')).out.trim();
      const run = await donegate('revoke', 'to-revoke');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/revoked token "to-revoke"/);
      expect(await createTokenRepository(store.db).authenticate(token)).toBeUndefined();
      const listed = JSON.parse((await donegate('list', '--json')).out) as Array<{ name: string; revokedAt: string | null }>;
      expect(listed.find((t) => t.name === 'to-revoke')?.revokedAt).toEqual(expect.any(String));
    });

    it('revokes by id', async () => {
      await donegate('create', '--role', 'ci', '--name', 'revoke-me-by-id');
      const listed = JSON.parse((await donegate('list', '--json')).out) as Array<{ id: string; name: string }>;
      const id = listed.find((t) => t.name === 'revoke-me-by-id')!.id;
      expect((await donegate('revoke', id)).code).toBe(0);
    });

    it('appends the creation and the revocation to the audit log, without the token or its hash', async () => {
      const token = (await donegate('create', '--role', 'auditor', '--name', 'audited-token')).out.trim();
      await donegate('revoke', 'audited-token');
      const rows = await store.db.query<{ type: string; actor: string; data: Record<string, unknown> }>(
        `SELECT type, actor, data FROM audit_log WHERE data->>'name' = 'audited-token' ORDER BY seq`,
      );
      expect(rows.map((r) => [r.type, r.actor, r.data.role])).toEqual([
        ['token-created', 'cli', 'auditor'],
        ['token-revoked', 'cli', 'auditor'],
      ]);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(JSON.stringify(rows)).not.toContain(hashToken(token));
    });

    it('exits 1 when no live token has that name or id', async () => {
      const run = await donegate('revoke', 'nobody');
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/no live token named or with id "nobody"/);
      expect((await donegate('revoke', 'to-revoke')).code).toBe(1);
    });
  });
});
