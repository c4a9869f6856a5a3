import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { createAuditLog, type AuditLog } from '../../src/audit/audit-log.js';
import { fileCheckpointSink, s3CheckpointSink } from '../../src/audit/checkpoint-sinks.js';
import { readStoredCheckpoints } from '../../src/audit/checkpoint-store.js';
import { createCheckpointWriter } from '../../src/audit/checkpoint-writer.js';
import { signatureProblem, type Checkpoint } from '../../src/audit/checkpoint.js';
import { loadSigningKey, type SigningKey } from '../../src/audit/signing-key.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';

describe('the service writing checkpoints', () => {
  let store: TestDatabase;
  let audit: AuditLog;
  let key: SigningKey;
  let clock: Date;
  const append = async (n: number) => {
    for (let i = 0; i < n; i++) await audit.append({ type: 'token-created', tracker: null, ticket: null, actor: 'cli', data: { tokenId: `t-${i}` } });
  };
  const rethrow = (_sink: string, error: unknown): void => {
    throw error;
  };
  const writer = (sinks: Parameters<typeof createCheckpointWriter>[0]['sinks'] = [], onSinkError: (sink: string, error: unknown) => void = rethrow) =>
    createCheckpointWriter({ db: store.db, key, everyEntries: 10, everyMinutes: 60, sinks, onSinkError, now: () => clock });

  beforeEach(async () => {
    store = await createPgliteTestDatabase();
    audit = createAuditLog(store.db);
    key = (await loadSigningKey({ signingKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }))!;
    clock = new Date('2026-12-02T07:00:00.000Z');
  });
  afterEach(async () => {
    await store.drop();
  });

  it('signs nothing while the log is empty, then the head at once, then again only after 10 more entries', async () => {
    const w = writer();
    expect(await w.tick()).toBeUndefined();
    await append(3);
    expect(await w.tick()).toMatchObject({ seq: 3 });
    await append(9);
    expect(await w.tick()).toBeUndefined();
    await append(1);
    expect(await w.tick()).toMatchObject({ seq: 13 });
    const stored = await readStoredCheckpoints(store.db);
    const checkpoints = stored.map((s) => ('checkpoint' in s ? s.checkpoint : undefined));
    expect(checkpoints.map((c) => c?.seq)).toEqual([3, 13]);
    expect(checkpoints.every((c) => c !== undefined && signatureProblem(c, key.publicKey) === undefined)).toBe(true);
  });

  it('signs after the interval when anything was appended, and not when nothing was', async () => {
    const w = writer();
    await append(1);
    await w.tick();
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect(await w.tick()).toBeUndefined();
    await append(1);
    expect(await w.tick()).toMatchObject({ seq: 2, time: clock.toISOString() });
  });

  it('appends each checkpoint to the file as one JSON line', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'donegate-cp-')), 'checkpoints.jsonl');
    const w = writer([fileCheckpointSink(file)]);
    await append(1);
    await w.tick();
    await append(10);
    await w.tick();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Checkpoint);
    expect(lines.map((c) => c.seq)).toEqual([1, 11]);
  });

  it('keeps the database checkpoint when a copy cannot be written, and reports the copy', async () => {
    const failures: string[] = [];
    const w = writer([{ name: 'broken', write: () => Promise.reject(new Error('disk full')) }], (sink, error) => {
      failures.push(`${sink}: ${(error as Error).message}`);
    });
    await append(1);
    expect(await w.tick()).toMatchObject({ seq: 1 });
    expect(failures).toEqual(['broken: disk full']);
    expect(await readStoredCheckpoints(store.db)).toHaveLength(1);
  });

  it('writes S3 copies under Object Lock in compliance mode, with a checksum, retained for the days configured', async () => {
    const requests: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders; body: string }> = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { etag: '"x"' }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = new S3Client({
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        region: 'eu-west-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
        maxAttempts: 1,
      });
      const w = writer([s3CheckpointSink(client, { bucket: 'audit-checkpoints', prefix: 'donegate/', retainDays: 400 }, () => clock)]);
      await append(1);
      const checkpoint = (await w.tick())!;
      expect(requests).toHaveLength(1);
      const [put] = requests;
      expect(put!.method).toBe('PUT');
      expect(put!.url).toMatch(/^\/audit-checkpoints\/donegate\/000000000000001-2026-12-02T070000\.000Z\.json/);
      expect(put!.headers['x-amz-object-lock-mode']).toBe('COMPLIANCE');
      expect(new Date(put!.headers['x-amz-object-lock-retain-until-date'] as string).toISOString()).toBe('2028-01-06T07:00:00.000Z');
      expect(Object.keys(put!.headers).some((h) => h.startsWith('x-amz-checksum-') || h === 'x-amz-trailer' || h === 'content-md5')).toBe(true);
      expect(put!.body).toContain(checkpoint.signature);
    } finally {
      server.close();
    }
  });
});
