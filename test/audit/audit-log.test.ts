import { createAuditLog } from '../../src/audit/audit-log.js';
import { GENESIS_HASH, type AuditEntry, type AuditEvent } from '../../src/audit/audit-entry.js';
import { readAuditBatches } from '../../src/audit/read-audit-entries.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import { openPostgres } from '../../src/store/open-postgres.js';
import { STORES, type TestDatabase } from '../support/databases.js';

const event = (i: number, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  type: 'action',
  tracker: 'jira',
  ticket: `ML-${i % 7}`,
  actor: 'donegate',
  data: { action: 'comment', ok: true, detail: `comment ${i}` },
  ...extra,
});

describe.each(STORES)('the audit log on %s', (_name, open) => {
  let store: TestDatabase;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.drop();
  });

  it('numbers entries from 1 without gaps and chains each to the one before, starting from 64 zeros', async () => {
    const audit = createAuditLog(store.db);
    const entries = await Promise.all(Array.from({ length: 40 }, (_, i) => audit.append(event(i))));
    expect(entries.map((e) => e!.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const stored: AuditEntry[] = [];
    for await (const batch of readAuditBatches(store.db, { fromSeq: 1 }, 7)) stored.push(...batch);
    expect(stored).toHaveLength(40);
    expect(stored[0]!.prevHash).toBe(GENESIS_HASH);
    stored.slice(1).forEach((entry, i) => expect(entry.prevHash).toBe(stored[i]!.hash));
    expect(stored.map((e) => e.time)).toEqual([...stored.map((e) => e.time)].sort());
    expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, checked: 40, firstSeq: 1, lastSeq: 40, anchor: { source: 'genesis' } });
  });

  it('reads back exactly what it hashed, including unicode, nested data and dropped undefined members', async () => {
    const audit = createAuditLog(store.db);
    await audit.append(event(1, { data: { text: 'naïve — 😀 \u0000 end', nested: { z: [1.5, -0, null], a: undefined as never } } }));
    expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, checked: 1 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    await createAuditLog(store.db).append(event(1));
    await expect(store.db.query(`UPDATE audit_log SET actor = 'someone'`)).rejects.toThrow(/append-only: UPDATE is refused/);
    await expect(store.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only: DELETE is refused/);
    await expect(store.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE is refused/);
    expect(await store.db.query('SELECT seq FROM audit_log')).toHaveLength(1);
  });

  it('records a waiver as expired once, however many evaluations see it expired', async () => {
    const audit = createAuditLog(store.db);
    const expired: AuditEvent = { type: 'waiver-expired', tracker: 'jira', ticket: 'ML-1', actor: 'donegate', data: { waiverId: 'w-1' } };
    const [first, second] = await Promise.all([audit.append(expired), audit.append(expired)]);
    expect(first?.seq).toBe(1);
    expect(second).toBeUndefined();
    expect(await audit.append(expired)).toBeUndefined();
    expect(await audit.append(event(2))).toMatchObject({ seq: 2 });
    expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, checked: 2 });
  });

  it("records a delivery's decision once per tracker, however often it is appended", async () => {
    const audit = createAuditLog(store.db);
    const decision = (tracker: string): AuditEvent => ({ type: 'decision', tracker, ticket: 'ML-1', actor: 'donegate', data: { deliveryId: 'd-1', outcome: 'fail' } });
    const [first, again] = await Promise.all([audit.append(decision('jira')), audit.append(decision('jira'))]);
    expect(first?.seq).toBe(1);
    expect(again).toBeUndefined();
    expect(await audit.append(decision('jira'))).toBeUndefined();
    // Delivery ids are the tracker's own: the same id from the other tracker is another delivery.
    expect(await audit.append(decision('linear'))).toMatchObject({ seq: 2 });
    expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, checked: 2 });
  });

  it('fails only the caller whose event has no JSON form', async () => {
    const audit = createAuditLog(store.db);
    const bad = audit.append(event(1, { data: { n: Number.NaN } }));
    const good = audit.append(event(2));
    await expect(bad).rejects.toThrow(/no JSON form/);
    await expect(good).resolves.toMatchObject({ seq: 1 });
  });
});

describe('the audit log with appenders in separate connection pools (as separate processes)', () => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await STORES[0]![1]();
  });
  afterAll(async () => {
    await store.drop();
  });

  it('keeps one linear, gap-free chain', async () => {
    const pools = Array.from({ length: 4 }, () => openPostgres(store.url!, { max: 4 }));
    try {
      const logs = pools.map((pool) => createAuditLog(pool, { maxBatch: 3 }));
      await Promise.all(logs.flatMap((log, p) => Array.from({ length: 50 }, (_, i) => log.append(event(p * 1000 + i)))));
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
    }
    const [count] = await store.db.query<{ n: string; max: string }>('SELECT count(*) AS n, max(seq) AS max FROM audit_log');
    expect(Number(count!.n)).toBe(200);
    expect(Number(count!.max)).toBe(200);
    expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, checked: 200 });
  });
});
