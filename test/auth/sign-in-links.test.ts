import { createSignInLinks } from '../../src/auth/sign-in-links.js';
import { STORES, type TestDatabase } from '../support/databases.js';

describe.each(STORES)('sign-in links on %s', (_name, createStore) => {
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
  const links = () => createSignInLinks(store.db, () => clock);
  const make = (hours = 24) => links().create({ name: 'Priya (PM)', role: 'viewer', projects: ['ML'], expiresAt: new Date(clock.getTime() + hours * 3_600_000), createdBy: 'cli' });

  it('signs in once, even when the same link is posted many times at once', async () => {
    const { secret } = await make();
    const results = await Promise.all(Array.from({ length: 8 }, () => links().redeem(secret)));
    expect(results.filter((result) => result !== undefined)).toHaveLength(1);
    expect(results.find((result) => result)?.role).toBe('viewer');
    expect(await links().usable(secret)).toBe(false);
  });

  it('is not usable once expired', async () => {
    const { secret } = await make(1);
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await links().usable(secret)).toBe(false);
    expect(await links().redeem(secret)).toBeUndefined();
  });

  it('stores only the sha256 of the secret', async () => {
    const { secret, record } = await make();
    const rows = await store.db.query<Record<string, unknown>>('SELECT * FROM ui_sign_in_links WHERE id = $1', [record.id]);
    expect(JSON.stringify(rows)).not.toContain(secret.slice(4));
    expect(rows[0]!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses unknown and malformed secrets without telling them apart', async () => {
    expect(await links().redeem(`dgl_${'A'.repeat(43)}`)).toBeUndefined();
    expect(await links().redeem("dgl_' OR 1=1 --")).toBeUndefined();
    expect(await links().usable('')).toBe(false);
  });
});
