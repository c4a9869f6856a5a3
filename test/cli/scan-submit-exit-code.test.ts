import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('donegate scan --submit exit code', () => {
  let server: Server;
  let url: string;
  let folder: string;
  let status = 201;
  const uploads: string[] = [];
  beforeAll(async () => {
    // Answers POST /api/v1/evidence as donegate's API does (the status is set per test).
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        uploads.push(`${request.method} ${request.url} ${body}`);
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(
          status === 201
            ? JSON.stringify({ evidence: { id: 'e1', format: 'donegate-scan', summary: 'scan: findings', details: [], sha256: 'f'.repeat(64) }, reevaluation: 'queued' })
            : JSON.stringify({ error: { code: 'unavailable', message: 'try again' } }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    folder = await mkdtemp(join(tmpdir(), 'donegate-scan-submit-'));
    await writeFile(join(folder, 'users.csv'), 'name,email\nJane Roe,jane.roe@acme-mail.de\n');
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  async function scanSubmit(extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
    uploads.length = 0;
    const args = ['bin/donegate.js', 'scan', folder, '--submit', '--tracker', 'jira', '--ticket', 'ML-142', ...extra];
    const env = { PATH: process.env.PATH ?? '', DONEGATE_URL: url, DONEGATE_TOKEN: 'dg_test_token', DONEGATE_FINGERPRINT_KEY: 'ab'.repeat(32) };
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
    expect(uploads.filter((upload) => upload.startsWith('POST /api/v1/evidence'))).toHaveLength(2);
    expect(result.stderr).toContain('accepted: pii-scan evidence for jira ML-142');
    expect(result.code).toBe(0);
  });

  it('exits 1 on findings with --fail-on-findings', async () => {
    const result = await scanSubmit(['--fail-on-findings']);
    expect(uploads).toHaveLength(2);
    expect(result.code).toBe(1);
  });

  it('exits 2 when the upload fails, with or without findings', async () => {
    status = 503;
    try {
      expect((await scanSubmit()).code).toBe(2);
    } finally {
      status = 201;
    }
  });
});
