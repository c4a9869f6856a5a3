import { parseArtifactUri } from '../../src/artifacts/artifact-ref.js';
import { artifactPolicySchema, type ArtifactPolicy } from '../../src/artifacts/artifact-policy.js';
import { createS3ArtifactStore } from '../../src/artifacts/s3/s3-artifact-store.js';
import { createArtifactVerifier } from '../../src/artifacts/verify-artifact.js';
import { createS3Simulator, FULLY_BLOCKED, s3ClientFor, sha256Of, type S3Simulator } from '../../simulators/s3/index.js';

const ALLOWED_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const OTHER_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/9999ffff-12ab-34cd-56ef-1234567890ab';
const MODEL = Buffer.from('model weights '.repeat(1000));

describe('live verification of S3 artifacts through the AWS SDK', () => {
  let s3: S3Simulator;
  const policy = (options: Partial<ArtifactPolicy> = {}) => artifactPolicySchema.parse({ kmsKeys: [ALLOWED_KEY], ...options });
  const verifierFor = (client = s3ClientFor(s3), hashMaxBytes = 1 << 20) => createArtifactVerifier({ stores: { s3: createS3ArtifactStore(client) }, hashMaxBytes });
  const verify = (key: string, options: { sha256?: string; policy?: ArtifactPolicy; hashMaxBytes?: number } = {}) =>
    verifierFor(undefined, options.hashMaxBytes)(parseArtifactUri(`s3://models/${key}`, 'test', options.sha256), options.policy ?? policy());

  beforeAll(async () => {
    s3 = await createS3Simulator();
    s3.state.createBucket('models', { publicAccessBlock: { ...FULLY_BLOCKED }, defaultEncryption: { algorithm: 'aws:kms', kmsKeyId: ALLOWED_KEY, bucketKeyEnabled: true } });
    s3.state.createBucket('open-bucket', {});
    s3.state.createBucket('half-open', { publicAccessBlock: { ...FULLY_BLOCKED, BlockPublicPolicy: false, RestrictPublicBuckets: false } });
    s3.state.createBucket('locked-down', { publicAccessBlock: { ...FULLY_BLOCKED }, denied: ['GetPublicAccessBlock'] });
    const kms = { algorithm: 'aws:kms', kmsKeyId: ALLOWED_KEY, bucketKeyEnabled: true } as const;
    s3.state.putObject('models', 'kms-allowed.bin', { body: MODEL, sse: kms });
    s3.state.putObject('models', 'kms-other.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: OTHER_KEY } });
    s3.state.putObject('models', 'dsse.bin', { body: MODEL, sse: { algorithm: 'aws:kms:dsse', kmsKeyId: ALLOWED_KEY } });
    s3.state.putObject('models', 'sse-s3.bin', { body: MODEL, sse: { algorithm: 'AES256' } });
    s3.state.putObject('models', 'plain.bin', { body: MODEL, sse: { algorithm: 'none' } });
    s3.state.putObject('models', 'sse-c.bin', { body: MODEL, sse: { algorithm: 'SSE-C' } });
    s3.state.putObject('models', 'no-checksum.bin', { body: MODEL, sse: kms, checksum: 'none' });
    s3.state.putObject('models', 'multipart.bin', { body: MODEL, sse: kms, checksum: 'composite' });
    s3.state.putObject('models', 'denied.bin', { body: MODEL, sse: kms, fault: { kind: 'access-denied' } });
    s3.state.putObject('models', 'kms-disabled.bin', { body: MODEL, sse: kms, checksum: 'none', fault: { kind: 'kms-disabled' } });
    s3.state.putObject('models', 'kms-no-decrypt.bin', { body: MODEL, sse: kms, checksum: 'none', fault: { kind: 'kms-access-denied' } });
    s3.state.putObject('models', 'dropped.bin', { body: MODEL, sse: kms, checksum: 'none', fault: { kind: 'drop-mid-body' } });
    s3.state.putObject('models', 'slow.bin', { body: MODEL, sse: kms, fault: { kind: 'delay', ms: 3000 } });
    s3.state.putObject('open-bucket', 'model.bin', { body: MODEL, sse: kms });
    s3.state.putObject('half-open', 'model.bin', { body: MODEL, sse: kms });
    s3.state.putObject('locked-down', 'model.bin', { body: MODEL, sse: kms });
  });
  afterAll(async () => {
    await s3.close();
  });

  describe('encryption', () => {
    it('passes an SSE-KMS object under an allowed key in a bucket that blocks public access', async () => {
      const verdict = await verify('kms-allowed.bin');
      expect(verdict).toMatchObject({ status: 'pass', problems: [], errors: [] });
      expect(verdict.facts).toEqual([`SSE-KMS with ${ALLOWED_KEY} (bucket key)`, 'public access blocked']);
    });

    it('signs and reads keys with spaces, plus signs and unicode as S3 does', async () => {
      s3.state.putObject('models', 'runs/2026 Q3/modèle+final.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: ALLOWED_KEY } });
      expect((await verify('runs/2026 Q3/modèle+final.bin', { sha256: sha256Of(MODEL) })).status).toBe('pass');
    });

    it('accepts an allowed key listed by its key id alone', async () => {
      expect((await verify('kms-allowed.bin', { policy: policy({ kmsKeys: ['1234abcd-12ab-34cd-56ef-1234567890ab'] }) })).status).toBe('pass');
    });

    it('accepts a MinIO KES key listed as MinIO reports it, without asking KMS', async () => {
      s3.state.putObject('models', 'minio-kes.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:minio-ml-models' } });
      expect((await verify('minio-kes.bin', { policy: policy({ kmsKeys: ['arn:aws:kms:minio-ml-models'] }) })).status).toBe('pass');
      expect((await verify('minio-kes.bin', { policy: policy({ kmsKeys: ['arn:aws:kms:minio-other'] }) })).status).toBe('fail');
    });

    it('fails an SSE-KMS object whose key is not on the list, naming the key', async () => {
      const verdict = await verify('kms-other.bin');
      expect(verdict.status).toBe('fail');
      expect(verdict.problems).toEqual([`KMS key ${OTHER_KEY} is not on the policy's list of allowed keys`]);
    });

    it('accepts any customer-managed key when the list is empty', async () => {
      expect((await verify('kms-other.bin', { policy: policy({ kmsKeys: [] }) })).status).toBe('pass');
    });

    it('fails SSE-S3 where KMS is required, and passes it when the policy accepts any encryption', async () => {
      const verdict = await verify('sse-s3.bin');
      expect(verdict.status).toBe('fail');
      expect(verdict.problems).toEqual(['SSE-S3 (AES256) where a customer-managed KMS key is required']);
      expect(verdict.fixes[0]).toContain('aws s3 cp s3://models/sse-s3.bin s3://models/sse-s3.bin --sse aws:kms --sse-kms-key-id');
      expect((await verify('sse-s3.bin', { policy: policy({ encryption: 'any' }) })).status).toBe('pass');
    });

    it('fails an object the store reports no encryption for as unencrypted, even under `any`', async () => {
      expect((await verify('plain.bin', { policy: policy({ encryption: 'any' }) })).problems).toEqual(['unencrypted']);
    });

    it('recognises SSE-C from the 400 S3 answers without the customer key', async () => {
      const verdict = await verify('sse-c.bin');
      expect(verdict.status).toBe('fail');
      expect(verdict.problems).toEqual(['SSE-C (customer-provided key) where a customer-managed KMS key is required']);
      expect(s3.requests).toContain('GetObject models/sse-c.bin');
    });

    it('requires DSSE-KMS when the policy says aws:kms:dsse, and takes DSSE-KMS as KMS under aws:kms', async () => {
      expect((await verify('kms-allowed.bin', { policy: policy({ encryption: 'aws:kms:dsse' }) })).problems).toEqual(['SSE-KMS where DSSE-KMS is required']);
      expect((await verify('dsse.bin', { policy: policy({ encryption: 'aws:kms:dsse' }) })).status).toBe('pass');
      expect((await verify('dsse.bin')).status).toBe('pass');
    });
  });

  describe('public access', () => {
    it('fails an object in a bucket without a public access block', async () => {
      const verdict = await verifierFor()(parseArtifactUri('s3://open-bucket/model.bin', 'test'), policy());
      expect(verdict).toMatchObject({ status: 'fail', problems: ['public access possible: the bucket has no public access block'] });
    });

    it('names the public access block settings that are off', async () => {
      const verdict = await verifierFor()(parseArtifactUri('s3://half-open/model.bin', 'test'), policy());
      expect(verdict.problems).toEqual(["public access possible: the bucket's public access block has BlockPublicPolicy, RestrictPublicBuckets off"]);
    });

    it('reports an unreadable public access block as could-not-check, naming the permission', async () => {
      const verdict = await verifierFor()(parseArtifactUri('s3://locked-down/model.bin', 'test'), policy());
      expect(verdict).toMatchObject({ status: 'error', problems: [], errors: ['access denied to GetPublicAccessBlock'] });
      expect(verdict.fixes).toEqual(["grant s3:GetBucketPublicAccessBlock on arn:aws:s3:::locked-down to donegate's role"]);
    });
  });

  describe('checksums', () => {
    it('compares a declared sha256 with the full-object checksum S3 stores, without downloading', async () => {
      const before = s3.requests.length;
      const verdict = await verify('kms-allowed.bin', { sha256: sha256Of(MODEL) });
      expect(verdict).toMatchObject({ status: 'pass' });
      expect(verdict.facts).toContain('sha256 matches (stored checksum)');
      expect(s3.requests.slice(before).filter((r) => r.startsWith('GetObject'))).toEqual([]);
    });

    it('fails a mismatch with both digests abbreviated', async () => {
      const verdict = await verify('kms-allowed.bin', { sha256: sha256Of('something else') });
      expect(verdict.status).toBe('fail');
      expect(verdict.problems).toEqual([`sha256 mismatch: declared ${sha256Of('something else').slice(0, 12)}…, stored object has ${sha256Of(MODEL).slice(0, 12)}… (stored checksum)`]);
    });

    it('streams and hashes an object without a stored checksum', async () => {
      expect((await verify('no-checksum.bin', { sha256: sha256Of(MODEL) })).facts).toContain('sha256 matches (hashed)');
      expect((await verify('no-checksum.bin', { sha256: sha256Of('x') })).status).toBe('fail');
    });

    it('hashes a multipart object, whose composite checksum cannot be compared with a whole-file sha256', async () => {
      expect((await verify('multipart.bin', { sha256: sha256Of(MODEL) })).facts).toContain('sha256 matches (hashed)');
    });

    it('does not hash past the size limit and says it could not check', async () => {
      const verdict = await verify('no-checksum.bin', { sha256: sha256Of(MODEL), hashMaxBytes: 1000 });
      expect(verdict.status).toBe('error');
      expect(verdict.errors[0]).toMatch(/larger than the 1000-byte hashing limit/);
    });

    it('requires a declared sha256 when the policy says requireChecksum', async () => {
      const verdict = await verify('kms-allowed.bin', { policy: policy({ requireChecksum: true }) });
      expect(verdict.problems).toEqual(['no sha256 declared, and the policy requires a verified checksum']);
    });

    it('skips the checksum when the policy turns it off', async () => {
      expect((await verify('kms-allowed.bin', { sha256: sha256Of('x'), policy: policy({ requireChecksum: false }) })).status).toBe('pass');
    });
  });

  describe('when the object cannot be checked', () => {
    it('reports access denied as an error, never as encrypted or unencrypted', async () => {
      const verdict = await verify('denied.bin');
      expect(verdict).toMatchObject({ status: 'error', facts: [], problems: [], errors: ['access denied to HeadObject'] });
      expect(verdict.fixes).toEqual(["grant s3:GetObject on arn:aws:s3:::models/denied.bin to donegate's role"]);
    });

    it('reports a missing object as an error', async () => {
      expect(await verify('missing.bin')).toMatchObject({ status: 'error', errors: ['no such object'] });
    });

    it('reports a missing bucket as an error', async () => {
      expect(await verifierFor()(parseArtifactUri('s3://no-such-bucket/model.bin', 'test'), policy())).toMatchObject({ status: 'error', errors: ['no such object'] });
    });

    it('reports a KMS refusal while reading the object as an error', async () => {
      const verdict = await verify('kms-disabled.bin', { sha256: sha256Of(MODEL) });
      expect(verdict.status).toBe('error');
      expect(verdict.errors).toEqual([`KMS refused to decrypt the object (KMS.DisabledException: ${ALLOWED_KEY} is disabled.)`]);
    });

    it('reports a key policy without kms:Decrypt as a KMS refusal, with the key policy to fix', async () => {
      const verdict = await verify('kms-no-decrypt.bin', { sha256: sha256Of(MODEL) });
      expect(verdict.status).toBe('error');
      expect(verdict.errors[0]).toMatch(/^KMS refused to decrypt the object \(AccessDenied: .*kms:Decrypt/);
      expect(verdict.fixes).toEqual(["allow kms:Decrypt for donegate's role in the key policy of the object's KMS key"]);
    });

    it('reports a download cut off mid-body as could-not-check, never as a checksum mismatch', async () => {
      const verdict = await verify('dropped.bin', { sha256: sha256Of(MODEL) });
      expect(verdict).toMatchObject({ status: 'error', problems: [] });
      expect(verdict.errors[0]).toMatch(/^the download of the object was interrupted/);
    });

    it('reports a store that does not answer in time as an error', async () => {
      const verdict = await verifierFor(s3ClientFor(s3, { timeoutMs: 300 }))(parseArtifactUri('s3://models/slow.bin', 'test'), policy());
      expect(verdict.status).toBe('error');
      expect(verdict.errors).toEqual(['HeadObject timed out']);
    });

    it('reports refused credentials as an error: the simulator checks the SigV4 signature', async () => {
      const verdict = await verifierFor(s3ClientFor(s3, { secretAccessKey: 'wrong-secret' }))(parseArtifactUri('s3://models/kms-allowed.bin', 'test'), policy());
      expect(verdict.status).toBe('error');
      expect(verdict.errors[0]).toMatch(/access denied to HeadObject|credentials were refused/);
    });
  });
});
