import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { runScanCommand } from '../../src/cli/run-scan-command.js';
import { scanWithProgress } from '../../src/cli/scan-with-progress.js';
import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { collectAttachmentEvidence } from '../../src/intake/attachment-evidence.js';
import { createEvidenceRepository } from '../../src/evidence/evidence-repository.js';
import { FingerprintKey, scanToReport } from '../../src/scan/index.js';
import { createJiraSimulator, type JiraSimulator } from '../../simulators/jira/index.js';
import { createJiraClient, createJiraTracker } from '../../src/trackers/jira/index.js';
import { captureLog } from '../support/capture-log.js';
import { createPgliteTestDatabase, type TestDatabase } from '../support/databases.js';

// The attack: a small .gz (tens of kB) that inflates to 64 MiB, attached to a ticket or handed to `donegate scan`.
const BOMB = gzipSync(Buffer.alloc(64 * 2 ** 20));
const EMAILS = Array.from({ length: 2000 }, (_, index) => `${index},person${index}@corp.io,${(index * 7919) % 10007}`).join('\n');

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'donegate-gzip-bomb-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function file(name: string, bytes: Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return path;
}

describe('a gzip decompression bomb', () => {
  it('is refused by the scanner as unreadable, saying it inflates past the ratio limit, before inflating it all', async () => {
    expect(BOMB.length).toBeLessThan(100_000);
    const path = await file('bomb.csv.gz', BOMB);

    const report = await scanToReport([path]);

    expect(report.files).toEqual([expect.objectContaining({ skipped: expect.stringMatching(/^unreadable: gzip refused: inflates more than 100 times its compressed size/) })]);
    expect(report.findings).toEqual([]);
  });

  it('makes `donegate scan` exit 2 naming the file and the reason', async () => {
    const path = await file('bomb.log.gz', BOMB);
    let stderr = '';
    const err = new Writable({ write(chunk: Buffer, _encoding, done) { stderr += chunk.toString(); done(); } });
    const out = new Writable({ write(_chunk, _encoding, done) { done(); } });

    const code = await runScanCommand([path], { format: 'json' }, { out, err, scan: scanWithProgress, env: { DONEGATE_FINGERPRINT_KEY: 'ab'.repeat(32) } });

    expect(code).toBe(2);
    expect(stderr).toContain(`${path} (unreadable: gzip refused: inflates more than 100 times its compressed size (a decompression bomb))`);
  });

  it('is refused at --max-inflated-bytes even when its ratio is ordinary', async () => {
    const path = await file('big.csv.gz', gzipSync(Buffer.from(EMAILS.repeat(30))));

    const report = await scanToReport([path], { maxInflatedBytes: 2 ** 20 });

    expect(report.files[0]?.skipped).toBe(`unreadable: gzip refused: inflates past ${2 ** 20} bytes`);
  });

  it('leaves ordinary gzip data alone: a compressed CSV is scanned to the end', async () => {
    const path = await file('people.csv.gz', gzipSync(Buffer.from(`id,email,score\n${EMAILS}\n`)));

    const report = await scanToReport([path]);

    expect(report.files[0]?.skipped).toBeUndefined();
    // One finding for the column, counting every row: the last row was read too.
    expect(report.findings.filter((finding) => finding.detector === 'email')).toMatchObject([{ columnPath: 'email', occurrences: 2000 }]);
  });
});

describe('a gzip bomb attached to a ticket', () => {
  let database: TestDatabase;
  let jira: JiraSimulator;
  beforeEach(async () => {
    database = await createPgliteTestDatabase();
    jira = await createJiraSimulator({ selfAccountId: 'donegate-bot' });
    jira.state.addProject({ key: 'ML', name: 'Machine Learning' });
    jira.state.useSimplifiedWorkflow();
    jira.state.addUser({ accountId: 'mallory-acc', displayName: 'Mallory' });
    jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train' });
  });
  afterEach(async () => {
    await jira.close();
    await database.drop();
  });

  it('is skipped by the worker with a logged reason, and stores no evidence', async () => {
    const tracker = createJiraTracker({ client: createJiraClient({ baseUrl: jira.baseUrl, email: jira.email, apiToken: jira.apiToken }), siteUrl: jira.baseUrl });
    jira.state.addAttachment('ML-1', { filename: 'train.csv.gz', content: BOMB, authorAccountId: 'mallory-acc' });
    const capture = captureLog();
    const evidence = createEvidenceRepository(database.db);

    const { stored } = await collectAttachmentEvidence({
      tracker,
      ticket: await tracker.getTicket({ key: 'ML-1' }),
      registry: createCriterionRegistry(),
      evidence,
      maxBytes: 2 ** 20,
      log: capture.log,
      attachmentsFrom: [],
      scanFor: ['pii-scan'],
      fingerprintKey: FingerprintKey.random(),
    });

    expect(stored).toEqual([]);
    expect(await evidence.forTicket('jira', 'ML-1')).toEqual(new Map());
    const skip = capture.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'attached data could not be read to the end; not scanned as evidence');
    expect(skip).toEqual(expect.objectContaining({ level: 40, filename: 'train.csv.gz', reason: expect.stringContaining('decompression bomb') }));
  });
});
