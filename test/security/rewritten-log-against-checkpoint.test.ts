import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { GENESIS_HASH, type AuditEntry } from '../../src/audit/audit-entry.js';
import { hashEntry } from '../../src/audit/hash-entry.js';
import { readAuditBatches } from '../../src/audit/read-audit-entries.js';
import { loadSigningKey } from '../../src/audit/signing-key.js';
import { registerAuditCommands } from '../../src/cli/audit-commands.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { runCommand } from '../support/run-command.js';

/**
 * The database's owner rewrites history with the triggers off: cuts the newest entries, removes the
 * oldest, or changes an entry and re-hashes the whole chain after it so it verifies on its own. They
 * also empty `audit_checkpoints`. A checkpoint the auditor kept outside the database gives each away.
 */
describe('audit verify --checkpoint after the owner rewrote the log', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let store: TestDatabase;
  let owner: pg.Client;
  let folder: string;
  let checkpointFile: string;

  const donegate = (...args: string[]) =>
    runCommand(
      (program, io) =>
        registerAuditCommands(program, { ...io, openDb: async () => ({ ...store.db, close: async () => undefined }), signingKey: () => loadSigningKey({ signingKey: keyPem }) }),
      ['audit', ...args],
    );

  const asOwnerWithTriggersOff = async (work: () => Promise<unknown>) => {
    await owner.query('ALTER TABLE audit_log DISABLE TRIGGER USER; ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
    await work();
    await owner.query('DELETE FROM audit_checkpoints');
    await owner.query('ALTER TABLE audit_log ENABLE TRIGGER USER; ALTER TABLE audit_checkpoints ENABLE TRIGGER USER');
  };

  beforeEach(async () => {
    store = await createPostgresTestDatabase();
    const audit = createAuditLog(store.db);
    for (let i = 1; i <= 20; i++) {
      await audit.append({ type: 'action', tracker: 'jira', ticket: `ML-${i}`, actor: 'donegate', data: { deliveryId: `d-${i}`, action: 'move', ok: true, detail: 'moved back' } });
    }
    folder = await mkdtemp(join(tmpdir(), 'donegate-checkpoint-'));
    checkpointFile = join(folder, 'head.json');
    const signed = await donegate('checkpoint', '--out', checkpointFile);
    expect(signed.code).toBe(0);
    owner = new pg.Client({ connectionString: store.url });
    await owner.connect();
  });
  afterEach(async () => {
    await owner.end();
    await store.drop();
  });

  it('verifies the untouched log against the checkpoint', async () => {
    const run = await donegate('verify', '--checkpoint', checkpointFile);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/audit log verified: 20 entries \(1–20\).*holds the heads of 2 signed checkpoints/);
  });

  it('catches a truncated log: the signed head is gone', async () => {
    await asOwnerWithTriggersOff(() => owner.query('DELETE FROM audit_log WHERE seq > 15'));
    const run = await donegate('verify', '--checkpoint', checkpointFile);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/the log ends at entry 15, but the checkpoint of \S+ signed entry 20 .*entries 16–20 were removed \(truncated\)/);
  });

  it('catches the first entries removed, even though the rest still chains', async () => {
    await asOwnerWithTriggersOff(() => owner.query('DELETE FROM audit_log WHERE seq <= 5'));
    const run = await donegate('verify', '--checkpoint', checkpointFile);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/entry 6 is the first entry in the log but not the genesis entry/);
  });

  it('catches an entry rewritten with the whole chain re-hashed after it, which verifies on its own', async () => {
    await asOwnerWithTriggersOff(async () => {
      const entries: AuditEntry[] = [];
      for await (const batch of readAuditBatches(store.db, { fromSeq: 1 })) entries.push(...batch);
      let prevHash = GENESIS_HASH;
      for (const entry of entries) {
        const forged = { ...entry, actor: entry.seq === 3 ? 'jira:someone-else' : entry.actor, prevHash };
        const hash = hashEntry(forged);
        await owner.query('UPDATE audit_log SET actor = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [forged.actor, prevHash, hash, entry.seq]);
        prevHash = hash;
      }
    });
    expect((await donegate('verify')).code).toBe(0);
    const run = await donegate('verify', '--checkpoint', checkpointFile);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/entry 20 now has hash [0-9a-f]{64}, but the checkpoint of \S+ signed entry 20 with hash [0-9a-f]{64}: the log was rewritten up to that entry and re-hashed/);
  });

  it('refuses a checkpoint file whose head was edited to match a rewritten log', async () => {
    const checkpoint = JSON.parse(await readFile(checkpointFile, 'utf8')) as { seq: number };
    await writeFile(checkpointFile, JSON.stringify({ ...checkpoint, seq: 15 }));
    const run = await donegate('verify', '--checkpoint', checkpointFile);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/its signature does not verify/);
  });

  it('exits 2 when there is no public key to check the checkpoint with', async () => {
    const run = await runCommand(
      (program, io) => registerAuditCommands(program, { ...io, openDb: async () => store.db, signingKey: async () => undefined }),
      ['audit', 'verify', '--checkpoint', checkpointFile],
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--checkpoint needs a public key/);
  });
});
