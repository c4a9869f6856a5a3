import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startStubEvidenceApi, type StubEvidenceApi } from '../support/stub-evidence-api.js';

const run = promisify(execFile);

describe('donegate scan --submit exit code', () => {
  let api: StubEvidenceApi;
  let folder: string;
  beforeAll(async () => {
    api = await startStubEvidenceApi({ format: 'donegate-scan', summary: 'scan: findings' });
    folder = await mkdtemp(join(tmpdir(), 'donegate-scan-submit-'));
    await writeFile(join(folder, 'users.csv'), 'name,email\nJane Roe,jane.roe@acme-mail.de\n');
  });
  afterAll(async () => {
    await api.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function scanSubmit(extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
    api.received.length = 0;
    const args = ['bin/donegate.js', 'scan', folder, '--submit', '--tracker', 'jira', '--ticket', 'ML-142', ...extra];
    const env = { PATH: process.env.PATH ?? '', DONEGATE_URL: api.url, DONEGATE_TOKEN: 'dg_test_token', DONEGATE_FINGERPRINT_KEY: 'ab'.repeat(32) };
    try {
      const { stdout, stderr } = await run(process.execPath, args, { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('exits 0 on findings once the upload succeeded', async () => {
    const result = await scanSubmit();
    expect(result.stdout).toContain('1 finding');
    expect(api.received.filter((upload) => upload.startsWith('POST /api/v1/evidence'))).toHaveLength(2);
    expect(result.stderr).toContain('accepted: pii-scan evidence for jira ML-142');
    expect(result.code).toBe(0);
  });

  it('exits 1 on findings with --fail-on-findings', async () => {
    const result = await scanSubmit(['--fail-on-findings']);
    expect(api.received).toHaveLength(2);
    expect(result.code).toBe(1);
  });

  it('exits 2 when the upload fails, with or without findings', async () => {
    api.status = 503;
    try {
      expect((await scanSubmit(['--retries', '0'])).code).toBe(2);
    } finally {
      api.status = 201;
    }
  });
});
