import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { readAuditBatches } from '../../src/audit/read-audit-entries.js';
import { createTokenRepository } from '../../src/auth/token-repository.js';
import { ensureInitialAdminToken, type InitialAdminTokenSettings } from '../../src/service/initial-admin-token.js';
import type { Database } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/open-database.js';
import { captureLog } from '../support/capture-log.js';
import { collector } from '../support/run-command.js';
import { createPgliteTestDatabase, createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

const TOKEN = /dg_[A-Za-z0-9_-]{43}/g;

async function firstStart(db: Database, settings: InitialAdminTokenSettings) {
  const captured = captureLog('debug');
  const stderr = collector();
  const record = await ensureInitialAdminToken({ db, audit: createAuditLog(db), log: captured.log, settings, stderr: stderr.stream });
  return { record, stderr: stderr.text(), log: captured.text() };
}

async function tokenEntries(db: Database) {
  const entries = [];
  for await (const batch of readAuditBatches(db, { fromSeq: 1 })) entries.push(...batch.filter((e) => e.type === 'token-created'));
  return entries;
}

describe('the initial admin token', () => {
  let store: TestDatabase;
  beforeEach(async () => {
    store = await createPgliteTestDatabase();
  });
  afterEach(async () => {
    await store.drop();
  });

  it('is made once on a store without tokens, printed once on stderr and never logged, and audited as first-start', async () => {
    const first = await firstStart(store.db, { enabled: true });
    const printed = first.stderr.match(TOKEN) ?? [];
    expect(printed).toHaveLength(1);
    expect(first.stderr).toMatch(/shown this once\. Store it/);
    expect(first.stderr).toContain('then revoke it');
    expect(first.log).toContain('created the initial admin token');
    expect(first.log).not.toMatch(TOKEN);
    expect((await createTokenRepository(store.db).authenticate(printed[0]!))).toMatchObject({ name: 'initial-admin', role: 'admin', createdBy: 'first-start' });
    expect((await tokenEntries(store.db)).map((e) => [e.actor, (e.data as { name: string }).name])).toEqual([['first-start', 'initial-admin']]);

    const second = await firstStart(store.db, { enabled: true });
    expect(second.record).toBeUndefined();
    expect(second.stderr).toBe('');
    expect(await createTokenRepository(store.db).list()).toHaveLength(1);
  });

  it('is not made when any token exists, even a revoked one', async () => {
    const tokens = createTokenRepository(store.db);
    await tokens.create({ name: 'old', role: 'ci' });
    await tokens.revoke('old');
    expect((await firstStart(store.db, { enabled: true })).stderr).toBe('');
    expect(await tokens.list()).toHaveLength(1);
  });

  it('is not made with INITIAL_ADMIN_TOKEN=off', async () => {
    const start = await firstStart(store.db, { enabled: false });
    expect(start.record).toBeUndefined();
    expect(start.stderr).toBe('');
    expect(await createTokenRepository(store.db).list()).toEqual([]);
  });

  it('goes to INITIAL_ADMIN_TOKEN_FILE with mode 0600 instead of stderr, even over an existing file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'donegate-initial-')), 'admin-token');
    await writeFile(file, 'old content', { mode: 0o644 });
    const start = await firstStart(store.db, { enabled: true, file });
    expect(start.stderr).toBe('');
    const written = (await readFile(file, 'utf8')).trim();
    expect(written).toMatch(/^dg_[A-Za-z0-9_-]{43}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(start.log).toContain(file);
    expect(start.log).not.toContain(written);
    expect((await createTokenRepository(store.db).authenticate(written))?.name).toBe('initial-admin');
  });

  it('stores nothing when the file cannot be written', async () => {
    await expect(firstStart(store.db, { enabled: true, file: '/nonexistent-dir/admin-token' })).rejects.toThrow(/ENOENT/);
    expect(await createTokenRepository(store.db).list()).toEqual([]);
  });
});

describe('two receivers starting together on one PostgreSQL', () => {
  let store: TestDatabase;
  const others: Database[] = [];
  beforeAll(async () => {
    store = await createPostgresTestDatabase();
    for (let i = 0; i < 3; i++) others.push(await openDatabase({ databaseUrl: store.url!, dataDir: null }));
  });
  afterAll(async () => {
    for (const db of others) await db.close();
    await store.drop();
  });

  it('make exactly one token, printed by exactly one of them', async () => {
    const starts = await Promise.all([store.db, ...others].map((db) => firstStart(db, { enabled: true })));
    expect(starts.filter((s) => s.record !== undefined)).toHaveLength(1);
    expect(starts.flatMap((s) => s.stderr.match(TOKEN) ?? [])).toHaveLength(1);
    expect(await createTokenRepository(store.db).list()).toHaveLength(1);
    expect(await tokenEntries(store.db)).toHaveLength(1);
  });
});
