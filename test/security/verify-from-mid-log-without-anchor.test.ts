import pg from 'pg';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { registerAuditCommands } from '../../src/cli/audit-commands.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { runCommand } from '../support/run-command.js';

/**
 * The owner deletes the oldest entries (the ones that showed what they did) and hands the auditor a log
 * that starts at entry 8. Every entry left still chains to the next, so without an anchor it used to
 * verify; it must not, unless the head hash of a real archive of entries 1–7 is given.
 */
describe('audit verify on a log that no longer starts at the genesis entry', () => {
  let store: TestDatabase;
  let archiveHead: string;
  const donegate = (...args: string[]) =>
    runCommand((program, io) => registerAuditCommands(program, { ...io, openDb: async () => ({ ...store.db, close: async () => undefined }), signingKey: async () => undefined }), ['audit', ...args]);

  beforeAll(async () => {
    store = await createPostgresTestDatabase();
    const audit = createAuditLog(store.db);
    for (let i = 1; i <= 12; i++) await audit.append({ type: 'token-created', tracker: null, ticket: null, actor: 'cli', data: { tokenId: `t-${i}`, name: `ci-${i}`, role: 'ci', projects: [], prefix: 'dg_abcde' } });
    archiveHead = (await store.db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 7'))[0]!.hash;
    const owner = new pg.Client({ connectionString: store.url });
    await owner.connect();
    await owner.query('ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log WHERE seq <= 7; ALTER TABLE audit_log ENABLE TRIGGER USER');
    await owner.end();
  });
  afterAll(async () => {
    await store.drop();
  });

  it('exits 1 without --prev-hash, saying which entries are missing', async () => {
    const run = await donegate('verify');
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^audit log NOT verified: entry 8 is the first entry in the log but not the genesis entry \(1\).*entries 1–7 were removed/);
  });

  it('exits 1 with --json too, reporting the break at the first entry kept', async () => {
    const run = await donegate('verify', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({ ok: false, firstSeq: 8, anchor: { source: 'unchecked' }, break: { seq: 8 } });
  });

  it("exits 0 with --prev-hash set to the archive's head hash", async () => {
    const run = await donegate('verify', '--prev-hash', archiveHead);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/audit log verified: 5 entries \(8–12\); entry 8 follows the given prevHash/);
  });
});
