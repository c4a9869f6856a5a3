import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { checkArtifacts } from '../../src/cli/run-check-artifact.js';
import { createArtifactVerifier } from '../../src/artifacts/verify-artifact.js';
import { createS3ArtifactStore } from '../../src/artifacts/s3/s3-artifact-store.js';
import { createKmsSimulator, kmsEnvFor, type KmsSimulator } from '../../simulators/kms/index.js';
import { createS3Simulator, FULLY_BLOCKED, s3ClientFor, s3EnvFor, sha256Of, type S3Simulator } from '../../simulators/s3/index.js';

const run = promisify(execFile);
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const MODEL = Buffer.from('weights'.repeat(5000));

describe('donegate check artifact', () => {
  let s3: S3Simulator;
  let kms: KmsSimulator;
  let home: string;
  beforeAll(async () => {
    s3 = await createS3Simulator();
    // One set of AWS credentials in the environment, as in a deployment: KMS checks the same signature.
    kms = await createKmsSimulator({ credentials: s3.credentials });
    kms.state.setAlias('alias/ml-models', kms.state.createKey('eu-west-1', { keyId: KEY.split('/')[1]! }));
    home = await mkdtemp(join(tmpdir(), 'donegate-home-'));
    s3.state.createBucket('models', { publicAccessBlock: { ...FULLY_BLOCKED } });
    s3.state.putObject('models', 'good.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY } });
    s3.state.putObject('models', 'sse-s3.bin', { body: MODEL, sse: { algorithm: 'AES256' } });
    s3.state.putObject('models', 'hashed.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY }, checksum: 'none' });
    s3.state.putObject('models', 'denied.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY }, fault: { kind: 'access-denied' } });
  });
  afterAll(async () => {
    await Promise.all([s3.close(), kms.close()]);
  });

  // The real CLI with the real SDK: credentials from AWS_* in the environment, HOME empty so no profile
  // interferes, and the SDK's notice about Node.js 20 (which donegate supports) turned off as an operator may.
  async function donegate(args: string[], env: Record<string, string> = kmsEnvFor(kms)) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/donegate.js', 'check', 'artifact', ...args], {
        env: { PATH: process.env.PATH ?? '', HOME: home, ...s3EnvFor(s3), ...env, ARTIFACT_CHECK_TIMEOUT_MS: '5000', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('exits 0 and prints what it found when every artifact passes', async () => {
    const result = await donegate(['s3://models/good.bin', '--sha256', sha256Of(MODEL)]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`s3://models/good.bin: pass — SSE-KMS with ${KEY}; bucket default: no encryption; public access blocked; sha256 matches (stored checksum)\n`);
  });

  it('exits 1 when an artifact fails, with the reason and the fix', async () => {
    const result = await donegate(['s3://models/good.bin', 's3://models/sse-s3.bin']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('s3://models/sse-s3.bin: fail — SSE-S3 (AES256) where a customer-managed KMS key is required');
    expect(result.stdout).toContain('  fix: re-upload it encrypted with a customer-managed KMS key');
  });

  it('exits 2 when an artifact could not be checked, and says it was not checked', async () => {
    const result = await donegate(['s3://models/denied.bin', '--json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { status: string; artifacts: Array<{ uri: string; status: string; errors: string[] }> };
    expect(report.status).toBe('error');
    expect(report.artifacts).toEqual([expect.objectContaining({ uri: 's3://models/denied.bin', status: 'error', errors: ['access denied to HeadObject'] })]);
  });

  it('applies --kms-key and --encryption as the policy options do', async () => {
    expect((await donegate(['s3://models/good.bin', '--kms-key', 'arn:aws:kms:eu-west-1:111122223333:key/9999ffff-12ab-34cd-56ef-1234567890ab'])).code).toBe(1);
    expect((await donegate(['s3://models/sse-s3.bin', '--encryption', 'any'])).code).toBe(0);
  });

  it('resolves --kms-key alias/… with DescribeKey at KMS_ENDPOINT', async () => {
    const before = kms.requests.length;
    const result = await donegate(['s3://models/good.bin', 's3://models/hashed.bin', '--kms-key', 'alias/ml-models']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`s3://models/good.bin: pass — SSE-KMS with ${KEY}`);
    expect(kms.requests.slice(before)).toEqual(['DescribeKey eu-west-1 alias/ml-models']);
  });

  it('exits 2 for an alias it cannot resolve: an S3-compatible endpoint without KMS_ENDPOINT', async () => {
    const result = await donegate(['s3://models/good.bin', '--kms-key', 'alias/ml-models'], {});
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('s3://models/good.bin: could not check — the KMS alias alias/ml-models could not be resolved: S3_ENDPOINT points at a store outside AWS (127.0.0.1) and KMS_ENDPOINT is not set');
    expect(result.stdout).toContain('  fix: set KMS_ENDPOINT');
  });

  it('exits 2 on usage errors: a presigned https link, a key that is not a KMS key, more digests than URIs', async () => {
    const https = await donegate(['https://models.s3.amazonaws.com/good.bin?X-Amz-Signature=abc']);
    expect(https.code).toBe(2);
    expect(https.stderr).toContain('is not an artifact URI: use s3://bucket/key or gs://bucket/object');
    expect((await donegate(['s3://models/good.bin', '--kms-key', 'ml-models'])).stderr).toContain('--kms-key: not a KMS key: use a key ARN');
    expect((await donegate(['s3://models/good.bin', '--sha256', 'a'.repeat(64), '--sha256', 'b'.repeat(64)])).code).toBe(2);
  });

  it('draws a hashing progress line on a terminal only, and clears it before the verdicts', async () => {
    const capture = (isTTY: boolean) => {
      let text = '';
      const stream = Object.assign(new Writable({ write(chunk: Buffer, _e, done) { text += chunk.toString(); done(); } }), { isTTY });
      return { stream, text: () => text };
    };
    const run = async (isTTY: boolean) => {
      const out = capture(false);
      const err = capture(isTTY);
      const code = await checkArtifacts(['s3://models/hashed.bin'], { sha256: [sha256Of(MODEL)] }, {
        out: out.stream,
        err: err.stream,
        createVerifier: (onHashProgress) => createArtifactVerifier({ stores: { s3: createS3ArtifactStore(s3ClientFor(s3)) }, hashMaxBytes: 1 << 20, onHashProgress }),
      });
      return { code, out: out.text(), err: err.text() };
    };
    const tty = await run(true);
    expect(tty.code).toBe(0);
    const CLEAR = '\r\u001b[2K';
    expect(tty.err.startsWith(`${CLEAR}hashing s3://models/hashed.bin: 0.0 of 0.0 MB`)).toBe(true);
    expect(tty.err.endsWith(CLEAR)).toBe(true);
    expect(tty.out).toContain('sha256 matches (hashed)');
    expect((await run(false)).err).toBe('');
  });
});
