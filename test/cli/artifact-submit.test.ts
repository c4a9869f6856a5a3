import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startStubEvidenceApi, type StubEvidenceApi } from '../support/stub-evidence-api.js';

const run = promisify(execFile);
const SHA = 'ab'.repeat(32);

describe('donegate evidence submit --artifact', () => {
  let api: StubEvidenceApi;
  beforeAll(async () => {
    api = await startStubEvidenceApi({ format: 'artifact-manifest', summary: 'artifact manifest: 1 artifact to check live' });
  });
  afterAll(async () => {
    await api.close();
  });

  async function donegate(args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/donegate.js', 'evidence', 'submit', '--tracker', 'jira', '--ticket', 'ML-1', ...args], {
        env: { PATH: process.env.PATH ?? '', DONEGATE_URL: api.url, DONEGATE_TOKEN: 'dg_ci_test', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
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
    const upload = api.received.at(-1)!;
    expect(upload).toContain('artifact-manifest');
    expect(upload).toContain(JSON.stringify({ artifacts: [{ uri: 's3://ml-models/churn/model.safetensors', sha256: SHA }] }));
  });

  it('refuses --artifact for other criteria, a file with --artifact, and https links, before sending anything', async () => {
    const before = api.received.length;
    expect((await donegate(['--criterion', 'pii-scan', '--artifact', 's3://ml-models/a.bin'])).stderr).toContain('--artifact is evidence for --criterion encrypted-artifact only');
    expect((await donegate(['--criterion', 'encrypted-artifact', '--artifact', 's3://ml-models/a.bin', 'report.json'])).code).toBe(2);
    const https = await donegate(['--criterion', 'encrypted-artifact', '--artifact', 'https://ml-models.s3.amazonaws.com/a.bin?X-Amz-Signature=abc']);
    expect(https.code).toBe(2);
    expect(api.received.length).toBe(before);
  });
});
