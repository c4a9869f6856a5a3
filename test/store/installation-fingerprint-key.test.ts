import { inspect } from 'node:util';
import { openPostgres } from '../../src/store/open-postgres.js';
import { loadInstallationFingerprintKey } from '../../src/store/installation-fingerprint-key.js';
import { createPostgresTestDatabase, STORES, type TestDatabase } from '../support/databases.js';

describe.each(STORES)('installation fingerprint key on %s', (_name, open) => {
  // One installation for the suite, first used by the first test: each later test starts where it left off.
  let store: TestDatabase;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.drop();
  });

  it('is made on the first start and read back unchanged on every later one', async () => {
    const first = await loadInstallationFingerprintKey(store.db);
    const again = await loadInstallationFingerprintKey(store.db);
    expect(again.id).toBe(first.id);
    expect(again.hmacHex('x')).toBe(first.hmacHex('x'));
    const rows = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM installation_secrets');
    expect(rows[0]!.n).toBe(1);
  });

  it('stays the one key when several starts race for it', async () => {
    const before = await loadInstallationFingerprintKey(store.db);
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadInstallationFingerprintKey(store.db)));
    expect(new Set(keys.map((key) => key.id))).toEqual(new Set([before.id]));
  });

  it('is 32 random bytes, different for another installation', async () => {
    const other = await open();
    try {
      const [mine, theirs] = await Promise.all([loadInstallationFingerprintKey(store.db), loadInstallationFingerprintKey(other.db)]);
      expect(mine.id).not.toBe(theirs.id);
      const rows = await store.db.query<{ n: number }>('SELECT octet_length(value)::int AS n FROM installation_secrets');
      expect(rows[0]!.n).toBe(32);
    } finally {
      await other.drop();
    }
  });
});

describe('installation fingerprint key across processes on PostgreSQL', () => {
  it('is the same key for connections that start together on one database, as separate processes do', async () => {
    const store = await createPostgresTestDatabase();
    const connections = Array.from({ length: 4 }, () => openPostgres(store.url!));
    try {
      const keys = await Promise.all(connections.map((db) => loadInstallationFingerprintKey(db)));
      expect(new Set(keys.map((key) => key.id)).size).toBe(1);
    } finally {
      await Promise.all(connections.map((db) => db.close()));
      await store.drop();
    }
  });

  it('never prints the key: JSON, string and inspect all show a placeholder', async () => {
    const store = await createPostgresTestDatabase();
    try {
      const key = await loadInstallationFingerprintKey(store.db);
      const [row] = await store.db.query<{ value: Buffer }>('SELECT value FROM installation_secrets');
      const hex = Buffer.from(row!.value).toString('hex');
      for (const printed of [JSON.stringify({ key }), String(key), inspect(key), inspect({ key }, { depth: 5 })]) {
        expect(printed).toContain('[fingerprint key]');
        expect(printed).not.toContain(hex);
        expect(printed).not.toContain(Buffer.from(row!.value).toString('base64'));
      }
    } finally {
      await store.drop();
    }
  });
});
