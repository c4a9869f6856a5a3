import { KMSClient } from '@aws-sdk/client-kms';
import { parseArtifactUri } from '../../src/artifacts/artifact-ref.js';
import { artifactPolicySchema } from '../../src/artifacts/artifact-policy.js';
import { createKmsAliasResolver } from '../../src/artifacts/kms/resolve-kms-alias.js';
import { createS3ArtifactStore } from '../../src/artifacts/s3/s3-artifact-store.js';
import { createArtifactVerifier } from '../../src/artifacts/verify-artifact.js';
import { createKmsSimulator, kmsClientFor, type KmsSimulator, type SimKmsKey } from '../../simulators/kms/index.js';
import { createS3Simulator, FULLY_BLOCKED, s3ClientFor, type S3Simulator } from '../../simulators/s3/index.js';

const MODEL = Buffer.from('model weights '.repeat(100));

describe('kmsKeys entries that are aliases, resolved with KMS DescribeKey', () => {
  let s3: S3Simulator;
  let kms: KmsSimulator;
  let modelKey: SimKmsKey;
  let otherKey: SimKmsKey;
  let usKey: SimKmsKey;
  let lockedKey: SimKmsKey;
  let regionalKey: SimKmsKey;

  const verifier = (options: { now?: () => number } = {}) =>
    createArtifactVerifier({
      stores: { s3: createS3ArtifactStore(s3ClientFor(s3)) },
      hashMaxBytes: 1 << 20,
      resolveKmsAlias: createKmsAliasResolver({ kmsClientFor: (region) => kmsClientFor(kms, region), ...(options.now ? { now: options.now } : {}) }),
    });
  const verify = (key: string, kmsKeys: string[], verify = verifier()) => verify(parseArtifactUri(`s3://models/${key}`, 'test'), artifactPolicySchema.parse({ kmsKeys }));
  const requestsDuring = async <T>(run: () => Promise<T>) => {
    const before = kms.requests.length;
    const result = await run();
    return { result, requests: kms.requests.slice(before) };
  };

  beforeAll(async () => {
    s3 = await createS3Simulator();
    kms = await createKmsSimulator();
    modelKey = kms.state.createKey('eu-west-1');
    otherKey = kms.state.createKey('eu-west-1');
    usKey = kms.state.createKey('us-east-1');
    lockedKey = kms.state.createKey('eu-west-1');
    regionalKey = kms.state.createKey('eu-west-1', { multiRegion: true });
    kms.state.setAlias('alias/ml-models', modelKey);
    kms.state.setAlias('alias/ml-models', usKey); // the same name in another region points elsewhere
    kms.state.setAlias('alias/locked', lockedKey);
    kms.state.denyDescribe(lockedKey);
    s3.state.createBucket('models', { publicAccessBlock: { ...FULLY_BLOCKED } });
    s3.state.putObject('models', 'model.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: modelKey.arn } });
    s3.state.putObject('models', 'other.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: otherKey.arn } });
    s3.state.putObject('models', 'us.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: usKey.arn } });
    s3.state.putObject('models', 'regional.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: regionalKey.arn } });
    for (let i = 0; i < 6; i++) s3.state.putObject('models', `shard-${i}.bin`, { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: modelKey.arn } });
  });
  afterAll(async () => {
    await Promise.all([s3.close(), kms.close()]);
  });

  it('passes an object encrypted with the key an allowed alias name points to, asking KMS in the key region', async () => {
    const { result, requests } = await requestsDuring(() => verify('model.bin', ['alias/ml-models']));
    expect(result).toMatchObject({ status: 'pass', problems: [], errors: [] });
    expect(result.facts[0]).toBe(`SSE-KMS with ${modelKey.arn}`);
    expect(requests).toEqual(['DescribeKey eu-west-1 alias/ml-models']);
  });

  it('resolves an alias name in the region of the object key, where the same name may name another key', async () => {
    const { result, requests } = await requestsDuring(() => verify('us.bin', ['alias/ml-models']));
    expect(result.status).toBe('pass');
    expect(requests).toEqual(['DescribeKey us-east-1 alias/ml-models']);
  });

  it('fails an object encrypted with another key than the alias points to, naming the key', async () => {
    const result = await verify('other.bin', ['alias/ml-models']);
    expect(result.status).toBe('fail');
    expect(result.problems).toEqual([`KMS key ${otherKey.arn} is not on the policy's list of allowed keys`]);
  });

  it('accepts an alias ARN, and skips one of another region without asking KMS', async () => {
    const aliasArn = 'arn:aws:kms:eu-west-1:111122223333:alias/ml-models';
    const { result, requests } = await requestsDuring(() => verify('model.bin', [aliasArn]));
    expect(result.status).toBe('pass');
    expect(requests).toEqual([`DescribeKey eu-west-1 ${aliasArn}`]);
    const elsewhere = await requestsDuring(() => verify('model.bin', ['arn:aws:kms:us-east-1:111122223333:alias/ml-models']));
    expect(elsewhere.result.status).toBe('fail');
    expect(elsewhere.requests).toEqual([]);
  });

  it('accepts bare key ids, multi-Region ones included, without asking KMS', async () => {
    const { result, requests } = await requestsDuring(() => verify('model.bin', [modelKey.keyId]));
    expect(result.status).toBe('pass');
    expect((await verify('regional.bin', [regionalKey.keyId])).status).toBe('pass');
    expect(requests).toEqual([]);
  });

  it('reports an alias donegate may not describe as could-not-check, with kms:DescribeKey to grant', async () => {
    const result = await verify('model.bin', ['alias/locked']);
    expect(result).toMatchObject({ status: 'error', problems: [] });
    expect(result.errors).toEqual([
      expect.stringMatching(/^the KMS alias alias\/locked could not be resolved in eu-west-1: AccessDeniedException: .*not authorized to perform: kms:DescribeKey/),
    ]);
    expect(result.fixes).toEqual([expect.stringContaining('grant kms:DescribeKey')]);
    expect(result.fixes[0]).toContain('or list the key ARN in kmsKeys instead of the alias');
  });

  it('reports an alias that does not exist as could-not-check, never as a failure', async () => {
    const result = await verify('model.bin', ['alias/no-such-alias']);
    expect(result.status).toBe('error');
    expect(result.errors).toEqual(['the KMS alias alias/no-such-alias could not be resolved in eu-west-1: NotFoundException: Alias arn:aws:kms:eu-west-1:111122223333:alias/no-such-alias is not found.']);
  });

  it('passes on a direct key ARN match without asking KMS, even with an unresolvable alias listed', async () => {
    const { result, requests } = await requestsDuring(() => verify('model.bin', ['alias/locked', 'alias/no-such-alias', modelKey.arn]));
    expect(result.status).toBe('pass');
    expect(requests).toEqual([]);
  });

  it('passes when one listed alias matches although another cannot be resolved', async () => {
    expect((await verify('model.bin', ['alias/locked', 'alias/ml-models'])).status).toBe('pass');
  });

  it('asks KMS once per alias and region for many artifacts checked at once, and again once the answer is stale', async () => {
    let clock = 0;
    const verify = verifier({ now: () => clock });
    const policy = artifactPolicySchema.parse({ kmsKeys: ['alias/ml-models'] });
    const shards = Array.from({ length: 6 }, (_, i) => parseArtifactUri(`s3://models/shard-${i}.bin`, 'test'));
    const first = await requestsDuring(() => Promise.all(shards.map((ref) => verify(ref, policy))));
    expect(first.result.map((v) => v.status)).toEqual(Array(6).fill('pass'));
    expect(first.requests).toEqual(['DescribeKey eu-west-1 alias/ml-models']);
    clock += 6 * 60_000;
    const later = await requestsDuring(() => verify(shards[0]!, policy));
    expect(later.requests).toEqual(['DescribeKey eu-west-1 alias/ml-models']);
  });

  it('follows an alias that was repointed once the cached answer expires', async () => {
    let clock = 0;
    const verify = verifier({ now: () => clock });
    expect((await verify(parseArtifactUri('s3://models/other.bin', 'test'), artifactPolicySchema.parse({ kmsKeys: ['alias/rotating'] }))).status).toBe('error');
    kms.state.setAlias('alias/rotating', otherKey);
    clock += 31_000;
    expect((await verify(parseArtifactUri('s3://models/other.bin', 'test'), artifactPolicySchema.parse({ kmsKeys: ['alias/rotating'] }))).status).toBe('pass');
  });

  it('reports an alias as could-not-check when the verifier has no KMS access', async () => {
    const verify = createArtifactVerifier({ stores: { s3: createS3ArtifactStore(s3ClientFor(s3)) }, hashMaxBytes: 1 << 20 });
    const result = await verify(parseArtifactUri('s3://models/model.bin', 'test'), artifactPolicySchema.parse({ kmsKeys: ['alias/ml-models'] }));
    expect(result).toMatchObject({ status: 'error', errors: ['the KMS alias alias/ml-models could not be resolved: KMS lookups are not configured in this donegate process'] });
  });

  it('reports a KMS endpoint that cannot be reached as could-not-check', async () => {
    const unreachable = new KMSClient({ endpoint: 'http://127.0.0.1:1', region: 'eu-west-1', credentials: kms.credentials, maxAttempts: 1 });
    const verify = createArtifactVerifier({
      stores: { s3: createS3ArtifactStore(s3ClientFor(s3)) },
      hashMaxBytes: 1 << 20,
      resolveKmsAlias: createKmsAliasResolver({ kmsClientFor: () => unreachable }),
    });
    const result = await verify(parseArtifactUri('s3://models/model.bin', 'test'), artifactPolicySchema.parse({ kmsKeys: ['alias/ml-models'] }));
    expect(result).toMatchObject({ status: 'error', problems: [] });
    expect(result.errors[0]).toMatch(/^the KMS alias alias\/ml-models could not be resolved in eu-west-1: could not reach KMS/);
  });

  it('reports refused credentials as could-not-check: the simulator checks the SigV4 signature', async () => {
    const verify = createArtifactVerifier({
      stores: { s3: createS3ArtifactStore(s3ClientFor(s3)) },
      hashMaxBytes: 1 << 20,
      resolveKmsAlias: createKmsAliasResolver({ kmsClientFor: (region) => kmsClientFor(kms, region, { secretAccessKey: 'wrong' }) }),
    });
    const result = await verify(parseArtifactUri('s3://models/model.bin', 'test'), artifactPolicySchema.parse({ kmsKeys: ['alias/ml-models'] }));
    expect(result.status).toBe('error');
    expect(result.errors).toEqual(['the KMS alias alias/ml-models could not be resolved in eu-west-1: the AWS credentials were refused (InvalidSignatureException)']);
  });
});
