import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SHA = 'ab'.repeat(32);

describe('donegate evidence submit --artifact', () => {
  let server: Server;
  let url: string;
  const received: string[] = [];
  beforeAll(async () => {
    // Stands in for donegate's /api/v1/evidence: keeps what arrived, answers as the API does.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(body);
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ evidence: { id: 'e1', format: 'artifact-manifest', summary: 'artifact manifest: 1 artifact to check live', details: [], sha256: 'f'.repeat(64) }, reevaluation: 'queued' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function donegate(args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/donegate.js', 'evidence', 'submit', '--tracker', 'jira', '--ticket', 'ML-1', ...args], {
        env: { PATH: process.env.PATH ?? '', DONEGATE_URL: url, DONEGATE_TOKEN: 'dg_ci_test', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('uploads an artifact manifest built from --artifact and --sha256', async () => {
    const result = await donegate(['--criterion', 'encrypted-artifact', '--artifact', 's3://ml-models/churn/model.safetensors', '--sha256', SHA.toUpperCase()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('accepted: encrypted-artifact evidence for jira ML-1 (artifact-manifest');
    const upload = received.at(-1)!;
    expect(upload).toContain('artifact-manifest');
    expect(upload).toContain(JSON.stringify({ artifacts: [{ uri: 's3://ml-models/churn/model.safetensors', sha256: SHA }] }));
  });

  it('refuses --artifact for other criteria, a file with --artifact, and https links, before sending anything', async () => {
    const before = received.length;
    expect((await donegate(['--criterion', 'pii-scan', '--artifact', 's3://ml-models/a.bin'])).stderr).toContain('--artifact is evidence for --criterion encrypted-artifact only');
    expect((await donegate(['--criterion', 'encrypted-artifact', '--artifact', 's3://ml-models/a.bin', 'report.json'])).code).toBe(2);
    const https = await donegate(['--criterion', 'encrypted-artifact', '--artifact', 'https://ml-models.s3.amazonaws.com/a.bin?X-Amz-Signature=abc']);
    expect(https.code).toBe(2);
    expect(received.length).toBe(before);
  });
});
