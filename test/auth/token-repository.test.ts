import { createTokenRepository } from '../../src/auth/token-repository.js';
import { DuplicateTokenNameError, InvalidTokenInputError } from '../../src/auth/token-errors.js';
import { hashToken } from '../../src/auth/token-secret.js';
import { STORES, type TestDatabase } from '../support/databases.js';

describe.each(STORES)('token repository on %s', (_name, open) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.drop();
  });

  it('returns the token once and stores only its sha256 and prefix', async () => {
    const tokens = createTokenRepository(store.db);
    const { token, record } = await tokens.create({ name: 'stored-once', role: 'ci', projects: ['ml', 'AI', 'ML'], createdBy: 'alice' });
    expect(record).toMatchObject({ name: 'stored-once', role: 'ci', projects: ['ML', 'AI'], tokenPrefix: token.slice(0, 8), createdBy: 'alice' });
    const rows = await store.db.query<Record<string, unknown>>('SELECT * FROM api_tokens WHERE id = $1', [record.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(token));
    // No column holds the token, or anything longer than its prefix.
    for (const value of Object.values(rows[0]!)) expect(JSON.stringify(value)).not.toContain(token.slice(0, 9));
  });

  it('authenticates a live token and answers undefined for unknown and malformed ones', async () => {
    const tokens = createTokenRepository(store.db);
    const { token, record } = await tokens.create({ name: 'auth-ok', role: 'auditor' });
    expect(await tokens.authenticate(token)).toMatchObject({ id: record.id, role: 'auditor', projects: [] });
    expect(await tokens.authenticate(`dg_${'A'.repeat(43)}`)).toBeUndefined();
    expect(await tokens.authenticate('not-a-token')).toBeUndefined();
  });

  it('refuses a revoked token, revoked by name or by id', async () => {
    const tokens = createTokenRepository(store.db);
    const byName = await tokens.create({ name: 'revoke-by-name', role: 'ci' });
    const byId = await tokens.create({ name: 'revoke-by-id', role: 'ci' });
    expect((await tokens.revoke('revoke-by-name'))?.revokedAt).toBeInstanceOf(Date);
    expect((await tokens.revoke(byId.record.id))?.id).toBe(byId.record.id);
    expect(await tokens.authenticate(byName.token)).toBeUndefined();
    expect(await tokens.authenticate(byId.token)).toBeUndefined();
  });

  it('answers undefined when revoking a name that has no live token', async () => {
    const tokens = createTokenRepository(store.db);
    await tokens.create({ name: 'revoked-twice', role: 'ci' });
    await tokens.revoke('revoked-twice');
    expect(await tokens.revoke('revoked-twice')).toBeUndefined();
    expect(await tokens.revoke('never-existed')).toBeUndefined();
  });

  it('refuses a second live token with the same name but allows the name again after revoking', async () => {
    const tokens = createTokenRepository(store.db);
    await tokens.create({ name: 'rotated', role: 'ci' });
    await expect(tokens.create({ name: 'rotated', role: 'admin' })).rejects.toThrow(DuplicateTokenNameError);
    await tokens.revoke('rotated');
    await expect(tokens.create({ name: 'rotated', role: 'ci' })).resolves.toMatchObject({ record: { name: 'rotated' } });
  });

  it('refuses an empty name and a malformed project key before writing', async () => {
    const tokens = createTokenRepository(store.db);
    await expect(tokens.create({ name: '  ', role: 'ci' })).rejects.toThrow(InvalidTokenInputError);
    await expect(tokens.create({ name: 'bad-project', role: 'ci', projects: ['ML-1'] })).rejects.toThrow(/not a project key/);
  });

  it('stamps last_used_at on first use, then not again within the interval', async () => {
    const tokens = createTokenRepository(store.db);
    const { token, record } = await tokens.create({ name: 'touched', role: 'ci' });
    const lastUsed = async () => (await tokens.list()).find((t) => t.id === record.id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await tokens.authenticate(token);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await tokens.authenticate(token);
    expect(await lastUsed()).toEqual(first);
  });

  it('stamps last_used_at again once a minute has passed since the last stamp', async () => {
    const tokens = createTokenRepository(store.db);
    const { token, record } = await tokens.create({ name: 'touched-often', role: 'ci' });
    await store.db.query(`UPDATE api_tokens SET last_used_at = now() - interval '1 hour' WHERE id = $1`, [record.id]);
    const before = (await tokens.list()).find((t) => t.id === record.id)!.lastUsedAt!;
    await tokens.authenticate(token);
    const after = (await tokens.list()).find((t) => t.id === record.id)!.lastUsedAt!;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });

  it('lists every token, revoked ones included, without the hash', async () => {
    const tokens = createTokenRepository(store.db);
    const list = await tokens.list();
    expect(list.map((t) => t.name)).toEqual(expect.arrayContaining(['stored-once', 'revoke-by-name']));
    for (const record of list) expect(Object.keys(record)).not.toContain('tokenHash');
    expect(list.find((t) => t.name === 'revoke-by-name')?.revokedAt).toBeInstanceOf(Date);
  });
});
