import pg from 'pg';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { hashEntry } from '../../src/audit/hash-entry.js';
import { readAuditBatches } from '../../src/audit/read-audit-entries.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Someone with direct access to PostgreSQL, bypassing donegate: as the table's owner they can switch the
 * append-only triggers off, change rows, and switch them back on. The chain must give them away.
 */
describe('verify after tampering directly in PostgreSQL', () => {
  let store: TestDatabase;
  let attacker: pg.Client;

  beforeEach(async () => {
    store = await createPostgresTestDatabase();
    const audit = createAuditLog(store.db);
    for (let i = 1; i <= 20; i++) {
      await audit.append({ type: 'decision', tracker: 'jira', ticket: `ML-${i}`, actor: 'donegate', data: { outcome: i % 3 === 0 ? 'fail' : 'pass', deliveryId: `d-${i}` } });
    }
    attacker = new pg.Client({ connectionString: store.url });
    await attacker.connect();
  });
  afterEach(async () => {
    await attacker.end();
    await store.drop();
  });

  const bypassingTriggers = async (sql: string, params: unknown[] = []) => {
    await attacker.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await attacker.query(sql, params);
    await attacker.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  };

  it('passes an untouched log', async () => {
    expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, checked: 20, lastSeq: 20 });
  });

  it('names an edited entry: its content no longer matches its hash', async () => {
    await bypassingTriggers(`UPDATE audit_log SET data = jsonb_set(data, '{outcome}', '"pass"') WHERE seq = 9`);
    const report = await verifyAuditLog(store.db);
    expect(report).toMatchObject({ ok: false, checked: 8, break: { seq: 9 } });
    expect(report.break!.problem).toMatch(/entry 9: its content does not match its hash/);
  });

  it('names the entry after an edited one whose hash was recomputed: its prevHash no longer matches', async () => {
    const [row] = (await attacker.query<{ at: Date; prev_hash: string }>('SELECT at, prev_hash FROM audit_log WHERE seq = 9')).rows;
    const forged = { seq: 9, time: row!.at.toISOString(), type: 'decision' as const, tracker: 'jira', ticket: 'ML-9', actor: 'donegate', data: { outcome: 'pass', deliveryId: 'd-9' }, prevHash: row!.prev_hash };
    await bypassingTriggers(`UPDATE audit_log SET data = $1, hash = $2 WHERE seq = 9`, [JSON.stringify(forged.data), hashEntry(forged)]);
    const report = await verifyAuditLog(store.db);
    expect(report).toMatchObject({ ok: false, checked: 9, break: { seq: 10 } });
    expect(report.break!.problem).toMatch(/entry 10: prevHash \w+ is not the hash of entry 9/);
  });

  it('names a deleted entry as missing', async () => {
    await bypassingTriggers('DELETE FROM audit_log WHERE seq = 13');
    const report = await verifyAuditLog(store.db);
    expect(report).toMatchObject({ ok: false, checked: 12, break: { seq: 13, problem: 'entry 13 is missing: the next entry present is 14' } });
  });

  it('names the first of two entries swapped in order', async () => {
    await bypassingTriggers('UPDATE audit_log SET seq = 1000 WHERE seq = 6; UPDATE audit_log SET seq = 6 WHERE seq = 7; UPDATE audit_log SET seq = 7 WHERE seq = 1000');
    const report = await verifyAuditLog(store.db);
    expect(report).toMatchObject({ ok: false, checked: 5, break: { seq: 6 } });
  });

  it('names an entry edited far down the log when verifying from a sequence number', async () => {
    await bypassingTriggers(`UPDATE audit_log SET actor = 'jira:someone-else' WHERE seq = 18`);
    expect(await verifyAuditLog(store.db, { fromSeq: 15 })).toMatchObject({ ok: false, checked: 3, anchor: { source: 'previous entry' }, break: { seq: 18 } });
  });

  describe('after the oldest entries were archived and removed', () => {
    let archivedHead: string;
    beforeEach(async () => {
      for await (const batch of readAuditBatches(store.db, { fromSeq: 10, toSeq: 10 })) archivedHead = batch[0]!.hash;
      await bypassingTriggers('DELETE FROM audit_log WHERE seq <= 10');
    });

    it('verifies the rest anchored on the archive head hash', async () => {
      expect(await verifyAuditLog(store.db, { fromSeq: 11, prevHash: archivedHead })).toMatchObject({ ok: true, checked: 10, anchor: { source: 'given' } });
    });

    it('refuses to verify a log whose first entry is not the genesis when no anchor is given', async () => {
      const report = await verifyAuditLog(store.db);
      expect(report).toMatchObject({ ok: false, checked: 10, firstSeq: 11, anchor: { source: 'unchecked' }, break: { seq: 11 } });
      expect(report.break!.problem).toMatch(/not the genesis entry .*--prev-hash/);
    });

    it('names the first entry kept when the anchor does not match', async () => {
      expect(await verifyAuditLog(store.db, { fromSeq: 11, prevHash: 'f'.repeat(64) })).toMatchObject({ ok: false, break: { seq: 11 } });
    });
  });
});
