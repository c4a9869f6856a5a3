import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { csvField } from '../../src/audit/export-csv.js';
import { registerAuditCommands } from '../../src/cli/audit-commands.js';
import { seedAuditHistory } from '../support/audit-fixture.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { runCommand } from '../support/run-command.js';

describe('donegate audit …', () => {
  let store: TestDatabase;
  let folder: string;
  beforeAll(async () => {
    store = await createPostgresTestDatabase();
    await seedAuditHistory(store.db, { now: new Date() });
    folder = await mkdtemp(join(tmpdir(), 'donegate-audit-'));
  });
  afterAll(async () => {
    await store.drop();
  });

  /** The commands as main.ts registers them, on the suite's database (each command closes it: a no-op here). */
  const donegate = (...args: string[]) =>
    runCommand((program, io) => registerAuditCommands(program, { ...io, openDb: async () => ({ ...store.db, close: async () => undefined }), signingKey: async () => undefined }), ['audit', ...args]);

  describe('verify', () => {
    it('exits 0 and says how many entries it checked and the head hash', async () => {
      const run = await donegate('verify');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^audit log verified: 9 entries \(1–9\); the first entry follows the genesis hash \(64 zeros\)\nhead hash [0-9a-f]{64}\n$/);
    });

    it('verifies from a sequence number, anchored on the entry before it', async () => {
      const run = await donegate('verify', '--from', '5', '--json');
      expect(JSON.parse(run.out)).toMatchObject({ ok: true, checked: 5, firstSeq: 5, anchor: { source: 'previous entry' } });
    });

    it('exits 2 on a sequence number that is not one', async () => {
      expect((await donegate('verify', '--from', 'x')).code).toBe(2);
    });
  });

  describe('export, then verify --file offline', () => {
    it('writes a JSONL export that verifies on its own, with its head hash in the trailer', async () => {
      const file = join(folder, 'q4.jsonl');
      const run = await donegate('export', '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'jsonl', '--out', file);
      expect(run.code).toBe(0);
      expect(run.err).toMatch(/exported 8 audit entries; head hash [0-9a-f]{64}/);
      const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
      expect(lines).toHaveLength(10);
      expect(JSON.parse(lines[0]!).header).toMatchObject({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', firstSeq: 1, prevHash: '0'.repeat(64) });
      expect(JSON.parse(lines[9]!).trailer).toMatchObject({ count: 8, lastSeq: 8 });

      const verified = await donegate('verify', '--file', file);
      expect(verified.code).toBe(0);
      expect(verified.out).toContain('verified 8 entries (1–8)');
      // The head hash of the export is the prevHash of the entry after it, in the live log.
      const [next] = await store.db.query<{ prev_hash: string }>('SELECT prev_hash FROM audit_log WHERE seq = 9');
      expect(JSON.parse(lines[9]!).trailer.headHash).toBe(next!.prev_hash);
    });

    it('names the first entry edited in the file', async () => {
      const file = join(folder, 'edited.jsonl');
      await donegate('export', '--out', file);
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines[5] = lines[5]!.replace('"outcome":"pass"', '"outcome":"fail"');
      await writeFile(file, lines.join('\n'));
      const run = await donegate('verify', '--file', file);
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/broken at entry 5: entry 5: its content does not match its hash/);
    });

    it('names a line removed from the file, and refuses a file cut short', async () => {
      const file = join(folder, 'cut.jsonl');
      await donegate('export', '--out', file);
      const lines = (await readFile(file, 'utf8')).split('\n');
      await writeFile(file, [...lines.slice(0, 3), ...lines.slice(4)].join('\n'));
      expect((await donegate('verify', '--file', file)).out).toMatch(/broken at entry 3: entry 3 is missing/);
      await writeFile(file, lines.slice(0, 6).join('\n'));
      const cut = await donegate('verify', '--file', file);
      expect(cut.code).toBe(1);
      expect(cut.out).toMatch(/cut short: no trailer line after 5 entries/);
    });

    it('starts a later period at its first entry, anchored on the prevHash it carries', async () => {
      const file = join(folder, 'nov.jsonl');
      await donegate('export', '--from', '2026-11-01', '--out', file);
      const run = await donegate('verify', '--file', file, '--json');
      expect(JSON.parse(run.out)).toMatchObject({ ok: true, checked: 1, firstSeq: 9, lastSeq: 9 });
    });
  });

  describe('export formats', () => {
    it('writes CSV with RFC 4180 quoting and formula cells neutralised', async () => {
      const run = await donegate('export', '--format', 'csv', '--to', '2026-10-31');
      const rows = run.out.split('\r\n');
      expect(rows[0]).toBe('seq,time,type,tracker,ticket,actor,data,prev_hash,hash');
      expect(rows).toHaveLength(10); // header, 8 entries, and the empty string after the last CRLF
      expect(rows[3]).toMatch(/^3,2026-10-02T10:00:01\.000Z,action,jira,ML-1,donegate,"\{""action"":""move"",""deliveryId"":""d-ML-1-fail"",""detail"":""moved back to In Progress"",""ok"":true\}",[0-9a-f]{64},[0-9a-f]{64}$/);
      expect(['=1+1', '+1', '-2', '@SUM(A1)', 'a,b', 'say "hi"'].map(csvField)).toEqual([`'=1+1`, `'+1`, `'-2`, `'@SUM(A1)`, '"a,b"', '"say ""hi"""']);
    });

    it('writes a self-contained HTML report with the totals, the open waivers and each ticket trail, all escaped', async () => {
      const run = await donegate('export', '--format', 'html', '--from', '2026-10-01', '--to', '2026-10-31');
      const html = run.out;
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).not.toMatch(/<script|<link|src=/);
      expect(html).toContain('Annex A 5.8');
      expect(html).toContain('<strong id="total-gated">3</strong>');
      expect(html).toContain('<strong id="total-passed-first-time">1</strong>');
      expect(html).toContain('<strong id="total-blocked">2</strong>');
      expect(html).toContain('<strong id="total-waived">1</strong>');
      expect(html).toContain('&lt;b&gt;build-time only&lt;/b&gt;');
      expect(html).not.toContain('<b>build-time only</b>');
      expect(html).toMatch(/<h3>jira ML-1<\/h3>[\s\S]*Move to Done checked \(moved by jira:5b10ac8d82e05b22cc7d4ef5\): fail[\s\S]*Action move: moved back to In Progress[\s\S]*Evidence for pii-scan accepted[\s\S]*: pass/);
      expect(html).toContain('API token &quot;ci-main&quot; (role ci, projects ML) created');
      expect(html).not.toContain('ML-9');
    });

    it('exits 2, not 1, when the file to verify cannot be read or the export cannot be written', async () => {
      const missing = await donegate('verify', '--file', join(folder, 'no-such-export.jsonl'));
      expect(missing).toMatchObject({ code: 2 });
      expect(missing.err).toContain('no-such-export.jsonl: ENOENT');
      const unwritable = await donegate('export', '--out', join(folder, 'no-such-dir', 'q4.jsonl'));
      expect(unwritable).toMatchObject({ code: 2 });
      expect(unwritable.err).toMatch(/cannot write .*q4\.jsonl: ENOENT/);
    });

    it('exits 2 naming the bound that is not a date', async () => {
      const run = await donegate('export', '--from', '2026-13-01');
      expect(run.code).toBe(2);
      expect(run.err).toContain('from: "2026-13-01" is not a real date');
    });
  });

  describe('after tampering in PostgreSQL', () => {
    it('exits 1 naming the first entry that does not match', async () => {
      const attacker = new pg.Client({ connectionString: store.url });
      await attacker.connect();
      try {
        await attacker.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
        await attacker.query(`UPDATE audit_log SET actor = 'token:someone' WHERE seq = 4`);
        await attacker.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      } finally {
        await attacker.end();
      }
      const run = await donegate('verify');
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/^audit log broken at entry 4: entry 4: its content does not match its hash/);
    });
  });
});
