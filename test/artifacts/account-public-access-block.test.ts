import { GetPublicAccessBlockCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { parseArtifactUri } from '../../src/artifacts/artifact-ref.js';
import { artifactPolicySchema } from '../../src/artifacts/artifact-policy.js';
import { createArtifactVerifierFromConfig } from '../../src/artifacts/create-artifact-verifier-from-config.js';
import { accountBlockAccessFor } from '../../src/artifacts/s3/account-block-access.js';
import { createAccountPublicAccessBlockReader } from '../../src/artifacts/s3/account-public-access-block.js';
import { createBucketOwnerCheck } from '../../src/artifacts/s3/bucket-owner.js';
import { createS3ArtifactStore } from '../../src/artifacts/s3/s3-artifact-store.js';
import { createArtifactVerifier } from '../../src/artifacts/verify-artifact.js';
import { loadConfig } from '../../src/config/env.js';
import { createS3ControlSimulator, s3ControlClientFor, type S3ControlSimulator } from '../../simulators/s3-control/index.js';
import { createS3Simulator, FULLY_BLOCKED, s3ClientFor, s3EnvFor, type S3Simulator } from '../../simulators/s3/index.js';
import { createStsSimulator, SIM_STS_ACCOUNT, stsClientFor, type StsSimulator } from '../../simulators/sts/index.js';

const ACCOUNT = SIM_STS_ACCOUNT;
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const NONE_BLOCKED = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
const ACLS_ONLY = { ...NONE_BLOCKED, BlockPublicAcls: true, IgnorePublicAcls: true };
const POLICIES_ONLY = { ...NONE_BLOCKED, BlockPublicPolicy: true, RestrictPublicBuckets: true };
/** The owner of a shared model registry donegate reads across accounts. */
const OTHER_ACCOUNT = '444455556666';
const ALL_FOUR = 'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true';

describe('account-level S3 Block Public Access, combined per setting with the bucket level', () => {
  let s3: S3Simulator;
  let sts: StsSimulator;
  let control: S3ControlSimulator;
  const policy = artifactPolicySchema.parse({ kmsKeys: [KEY] });

  const verifier = (options: { now?: () => number; s3Control?: S3ControlClient; stsSecret?: string } = {}) =>
    createArtifactVerifier({
      stores: {
        s3: createS3ArtifactStore(s3ClientFor(s3), {
          ...(options.now ? { now: options.now } : {}),
          readAccountBlock: createAccountPublicAccessBlockReader({
            sts: stsClientFor(sts, options.stsSecret ? { secretAccessKey: options.stsSecret } : {}),
            s3Control: options.s3Control ?? s3ControlClientFor(control),
            ...(options.now ? { now: options.now } : {}),
          }),
        }),
      },
      hashMaxBytes: 1 << 20,
    });
  const verify = (bucket: string, verify = verifier()) => verify(parseArtifactUri(`s3://${bucket}/model.bin`, 'test'), policy);
  /** What STS and S3 Control were asked while `run` ran. */
  const accountRequestsDuring = async <T>(run: () => Promise<T>) => {
    const [stsBefore, controlBefore] = [sts.requests.length, control.requests.length];
    const result = await run();
    return { result, requests: [...sts.requests.slice(stsBefore), ...control.requests.slice(controlBefore)] };
  };
  /** The S3 requests that carried an expected bucket owner while `run` ran. */
  const ownerChecksDuring = async <T>(run: () => Promise<T>) => {
    const before = s3.requests.length;
    const result = await run();
    return { result, checks: s3.requests.slice(before).filter((request) => request.includes('(expected owner')) };
  };

  beforeAll(async () => {
    s3 = await createS3Simulator();
    // One set of credentials for all three, as the standard AWS chain gives donegate.
    [sts, control] = await Promise.all([createStsSimulator({ credentials: s3.credentials }), createS3ControlSimulator({ credentials: s3.credentials })]);
    s3.state.createBucket('no-bucket-block', {});
    s3.state.createBucket('acls-blocked', { publicAccessBlock: ACLS_ONLY });
    s3.state.createBucket('fully-blocked', { publicAccessBlock: { ...FULLY_BLOCKED } });
    s3.state.createBucket('shared-acls-blocked', { owner: OTHER_ACCOUNT, publicAccessBlock: ACLS_ONLY });
    s3.state.createBucket('shared-no-block', { owner: OTHER_ACCOUNT });
    s3.state.createBucket('shared-fully-blocked', { owner: OTHER_ACCOUNT, publicAccessBlock: { ...FULLY_BLOCKED } });
    for (const bucket of ['no-bucket-block', 'acls-blocked', 'fully-blocked', 'shared-acls-blocked', 'shared-no-block', 'shared-fully-blocked']) {
      s3.state.putObject(bucket, 'model.bin', { body: Buffer.from('weights'), sse: { algorithm: 'aws:kms', kmsKeyId: KEY } });
    }
    s3.state.putObject('shared-acls-blocked', 'tokenizer.json', { body: Buffer.from('{}'), sse: { algorithm: 'aws:kms', kmsKeyId: KEY } });
  });
  beforeEach(() => {
    sts.deny = false;
    control.accountBlocks.clear();
    control.denied.clear();
  });
  afterAll(async () => {
    await Promise.all([s3.close(), sts.close(), control.close()]);
  });

  describe('when the account blocks what the bucket does not', () => {
    it('passes a bucket without its own block in an account that blocks everything', async () => {
      control.accountBlocks.set(ACCOUNT, { ...FULLY_BLOCKED });
      const { result, requests } = await accountRequestsDuring(() => verify('no-bucket-block'));
      expect(result).toMatchObject({ status: 'pass', problems: [], errors: [] });
      expect(result.facts).toContain(`public access blocked (account-level Block Public Access of account ${ACCOUNT})`);
      expect(requests).toEqual(['GetCallerIdentity', `GetPublicAccessBlock ${ACCOUNT}`]);
    });

    it('passes when the account blocks some settings and the bucket the others (on at either level is in force)', async () => {
      control.accountBlocks.set(ACCOUNT, POLICIES_ONLY);
      const result = await verify('acls-blocked');
      expect(result.status).toBe('pass');
      expect(result.facts).toContain(`public access blocked (bucket and account-level Block Public Access of account ${ACCOUNT})`);
    });
  });

  describe('when neither level blocks a setting', () => {
    it('fails naming the settings off at both levels, with the bucket and the account command to fix it', async () => {
      control.accountBlocks.set(ACCOUNT, ACLS_ONLY);
      const result = await verify('acls-blocked');
      expect(result.status).toBe('fail');
      expect(result.problems).toEqual([
        `public access possible: BlockPublicPolicy, RestrictPublicBuckets off for both the bucket and its account (the bucket's public access block has BlockPublicPolicy, RestrictPublicBuckets off; account ${ACCOUNT}'s public access block has BlockPublicPolicy, RestrictPublicBuckets off)`,
      ]);
      expect(result.fixes).toEqual([
        'turn on BlockPublicPolicy, RestrictPublicBuckets at either level: for the bucket, aws s3api put-public-access-block --bucket acls-blocked --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true; ' +
          `or for every bucket of the account, aws s3control put-public-access-block --account-id ${ACCOUNT} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`,
      ]);
    });

    it('fails a bucket without a block in an account without one, naming all four settings', async () => {
      const result = await verify('no-bucket-block');
      expect(result.problems).toEqual([
        `public access possible: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets off for both the bucket and its account (the bucket has no public access block; account ${ACCOUNT} has no account-level public access block)`,
      ]);
    });
  });

  describe('when the bucket belongs to another account', () => {
    it('reports a partial bucket block as could-not-check, not pass, although the caller\'s account blocks everything', async () => {
      control.accountBlocks.set(ACCOUNT, { ...FULLY_BLOCKED });
      const { result, requests } = await accountRequestsDuring(() => verify('shared-acls-blocked'));
      expect(result).toMatchObject({ status: 'error', problems: [] });
      expect(result.errors).toEqual([
        `public access could not be checked: the bucket belongs to another AWS account (not ${ACCOUNT}), whose account-level Block Public Access donegate cannot read, and the bucket's public access block has BlockPublicPolicy, RestrictPublicBuckets off`,
      ]);
      expect(result.fixes).toEqual([
        `turn on all four Block Public Access settings on the bucket itself: aws s3api put-public-access-block --bucket shared-acls-blocked --public-access-block-configuration ${ALL_FOUR}`,
      ]);
      // The caller's account block does not govern the bucket, so it is not even read.
      expect(requests).toEqual(['GetCallerIdentity']);
    });

    it('reports a bucket without a block as could-not-check, never as public: its owner\'s account may block everything', async () => {
      const result = await verify('shared-no-block');
      expect(result).toMatchObject({ status: 'error', problems: [] });
      expect(result.errors[0]).toMatch(/belongs to another AWS account .* and the bucket has no public access block$/);
    });

    it('passes a bucket whose own block is fully on, without checking its owner', async () => {
      const { result, checks } = await ownerChecksDuring(() => verify('shared-fully-blocked'));
      expect(result).toMatchObject({ status: 'pass', errors: [] });
      expect(result.facts).toContain('public access blocked');
      expect(checks).toEqual([]);
    });

    it('reports an owner check that cannot reach S3 as could-not-check, not as another owner', async () => {
      const unreachable = new S3Client({ endpoint: 'http://127.0.0.1:1', region: 'eu-west-1', forcePathStyle: true, credentials: s3.credentials, maxAttempts: 1 });
      const confirmOwner = createBucketOwnerCheck(unreachable);
      await expect(confirmOwner('shared-acls-blocked', ACCOUNT)).rejects.toMatchObject({
        name: 'ArtifactCheckError',
        message: expect.stringMatching(/^could not reach the storage endpoint/),
        fix: expect.stringMatching(/or turn on all four Block Public Access settings on the bucket itself/),
      });
    });

    it('checks the owner once for two artifacts in the same bucket', async () => {
      const verify = verifier();
      const refs = ['model.bin', 'tokenizer.json'].map((key) => parseArtifactUri(`s3://shared-acls-blocked/${key}`, 'test'));
      const { result, checks } = await ownerChecksDuring(() => Promise.all(refs.map((ref) => verify(ref, policy))));
      expect(result.map((verdict) => verdict.status)).toEqual(['error', 'error']);
      expect(checks).toEqual([`GetPublicAccessBlock shared-acls-blocked (expected owner ${ACCOUNT})`]);
    });
  });

  it('confirms a same-account bucket\'s owner with the GetPublicAccessBlock it already makes, then combines with the account block', async () => {
    control.accountBlocks.set(ACCOUNT, POLICIES_ONLY);
    const { result, checks } = await ownerChecksDuring(() => verify('acls-blocked'));
    expect(result.status).toBe('pass');
    expect(checks).toEqual([`GetPublicAccessBlock acls-blocked (expected owner ${ACCOUNT})`]);
  });

  it('asks neither STS nor S3 Control for a bucket whose own block is fully on', async () => {
    control.denied.add(ACCOUNT);
    sts.deny = true;
    const { result, requests } = await accountRequestsDuring(() => verify('fully-blocked'));
    expect(result).toMatchObject({ status: 'pass', errors: [] });
    expect(result.facts).toContain('public access blocked');
    expect(requests).toEqual([]);
  });

  describe('when the account level is needed but cannot be read', () => {
    it('reports an account block donegate may not read as could-not-check, with s3:GetAccountPublicAccessBlock to grant', async () => {
      control.denied.add(ACCOUNT);
      const result = await verify('no-bucket-block');
      expect(result).toMatchObject({ status: 'error', problems: [] });
      expect(result.errors).toEqual(['S3 Control GetPublicAccessBlock for the account was refused (AccessDenied: Access Denied)']);
      expect(result.fixes[0]).toMatch(/^grant s3:GetAccountPublicAccessBlock \(resource "\*"\) to donegate's role; or turn on all four Block Public Access settings on the bucket itself/);
    });

    it('reports a refused GetCallerIdentity as could-not-check, saying it needs no IAM permission', async () => {
      sts.deny = true;
      const { result, requests } = await accountRequestsDuring(() => verify('acls-blocked'));
      expect(result).toMatchObject({ status: 'error', problems: [] });
      expect(result.errors[0]).toMatch(/^STS GetCallerIdentity \(to learn the account whose Block Public Access applies\) was refused \(AccessDenied: /);
      expect(result.fixes[0]).toMatch(/^sts:GetCallerIdentity needs no IAM permission and an IAM deny does not stop it/);
      expect(requests).toEqual(['GetCallerIdentity']);
    });

    it('reports credentials STS refuses as could-not-check: the simulators check the SigV4 signature', async () => {
      const result = await verify('no-bucket-block', verifier({ stsSecret: 'wrong-secret' }));
      expect(result).toMatchObject({ status: 'error', problems: [] });
      expect(result.errors).toEqual(['STS GetCallerIdentity (to learn the account whose Block Public Access applies): the AWS credentials were refused (SignatureDoesNotMatch)']);
    });

    it('reports an S3 Control endpoint that cannot be reached as could-not-check, never as public or blocked', async () => {
      const unreachable = new S3ControlClient({ endpoint: 'http://127.0.0.1:1', endpointProvider: () => ({ url: new URL('http://127.0.0.1:1') }), region: 'eu-west-1', credentials: s3.credentials, maxAttempts: 1 });
      const result = await verify('no-bucket-block', verifier({ s3Control: unreachable }));
      expect(result).toMatchObject({ status: 'error', problems: [] });
      expect(result.errors[0]).toMatch(/^S3 Control GetPublicAccessBlock for the account: could not reach the endpoint/);
    });
  });

  it('learns the account once per verifier, and reads its block again once the answer is 5 minutes old', async () => {
    control.accountBlocks.set(ACCOUNT, { ...FULLY_BLOCKED });
    let clock = 0;
    const verify = verifier({ now: () => clock });
    const shards = Array.from({ length: 5 }, () => parseArtifactUri('s3://no-bucket-block/model.bin', 'test'));
    const first = await accountRequestsDuring(() => Promise.all(shards.map((ref) => verify(ref, policy))));
    expect(first.result.map((verdict) => verdict.status)).toEqual(Array(5).fill('pass'));
    expect(first.requests).toEqual(['GetCallerIdentity', `GetPublicAccessBlock ${ACCOUNT}`]);
    control.accountBlocks.delete(ACCOUNT);
    clock += 4 * 60_000;
    expect((await verify(shards[0]!, policy)).status).toBe('pass');
    clock += 2 * 60_000;
    const later = await accountRequestsDuring(() => verify(shards[0]!, policy));
    expect(later.result.status).toBe('fail');
    expect(later.requests).toEqual([`GetPublicAccessBlock ${ACCOUNT}`]);
  });

  it('keeps a bucket\'s owner for 5 minutes, as the account block', async () => {
    let clock = 0;
    const verify = verifier({ now: () => clock });
    const ref = parseArtifactUri('s3://shared-no-block/model.bin', 'test');
    const ownerCheck = `GetPublicAccessBlock shared-no-block (expected owner ${ACCOUNT})`;
    expect((await ownerChecksDuring(() => verify(ref, policy))).checks).toEqual([ownerCheck]);
    clock += 4 * 60_000;
    expect((await ownerChecksDuring(() => verify(ref, policy))).checks).toEqual([]);
    clock += 2 * 60_000;
    expect((await ownerChecksDuring(() => verify(ref, policy))).checks).toEqual([ownerCheck]);
  });

  describe('configured from the environment', () => {
    const saved = { ...process.env };
    beforeAll(() => Object.assign(process.env, { AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey }));
    afterAll(() => {
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });
    const verifierFromEnv = (env: Record<string, string>) => createArtifactVerifierFromConfig(loadConfig({ ...s3EnvFor(s3), ARTIFACT_CHECK_TIMEOUT_MS: '5000', ...env }).artifacts);

    it('keeps bucket-level behaviour for a store outside AWS, without asking STS or S3 Control', async () => {
      control.accountBlocks.set(ACCOUNT, { ...FULLY_BLOCKED });
      const { result: { result, requests }, checks } = await ownerChecksDuring(() => accountRequestsDuring(() => verify('no-bucket-block', verifierFromEnv({}))));
      expect(result.problems).toEqual(['public access possible: the bucket has no public access block']);
      expect(requests).toEqual([]);
      expect(checks).toEqual([]);
    });

    it('reads the account level through S3_CONTROL_ENDPOINT and STS_ENDPOINT', async () => {
      control.accountBlocks.set(ACCOUNT, { ...FULLY_BLOCKED });
      const { result, requests } = await accountRequestsDuring(() => verify('no-bucket-block', verifierFromEnv({ S3_CONTROL_ENDPOINT: control.endpoint, STS_ENDPOINT: sts.endpoint })));
      expect(result.status).toBe('pass');
      expect(requests).toEqual(['GetCallerIdentity', `GetPublicAccessBlock ${ACCOUNT}`]);
    });
  });

  describe('the S3 simulator\'s bucket owner condition', () => {
    it('answers 403 AccessDenied, with the XML error body, when the expected owner is not the bucket\'s', async () => {
      const client = s3ClientFor(s3);
      await expect(client.send(new GetPublicAccessBlockCommand({ Bucket: 'shared-fully-blocked', ExpectedBucketOwner: ACCOUNT }))).rejects.toMatchObject({
        name: 'AccessDenied',
        message: 'Access Denied',
        $metadata: { httpStatusCode: 403 },
      });
      await expect(client.send(new HeadObjectCommand({ Bucket: 'shared-fully-blocked', Key: 'model.bin', ExpectedBucketOwner: ACCOUNT }))).rejects.toMatchObject({
        $metadata: { httpStatusCode: 403 },
      });
      const owned = await client.send(new GetPublicAccessBlockCommand({ Bucket: 'shared-fully-blocked', ExpectedBucketOwner: OTHER_ACCOUNT }));
      expect(owned.PublicAccessBlockConfiguration).toEqual(FULLY_BLOCKED);
    });
  });

  describe('where the account level is read', () => {
    it('asks AWS for AWS S3, through a VPC or FIPS S3 endpoint too', () => {
      expect(accountBlockAccessFor({})).toEqual({});
      expect(accountBlockAccessFor({ s3Endpoint: 'https://bucket.vpce-1a2b3c4d-5e6f.s3.eu-west-1.vpce.amazonaws.com' })).toEqual({});
    });

    it('does not send the credentials of a store outside AWS to AWS, unless both overrides name compatible services', () => {
      expect(accountBlockAccessFor({ s3Endpoint: 'http://minio.internal:9000' })).toBe('bucket-level only');
      expect(accountBlockAccessFor({ s3Endpoint: 'http://minio.internal:9000', s3ControlEndpoint: 'http://control.internal' })).toBe('bucket-level only');
      expect(accountBlockAccessFor({ s3Endpoint: 'http://minio.internal:9000', s3ControlEndpoint: 'http://control.internal', stsEndpoint: 'http://sts.internal' })).toEqual({
        s3ControlEndpoint: 'http://control.internal',
        stsEndpoint: 'http://sts.internal',
      });
    });

    it('refuses an S3_CONTROL_ENDPOINT or STS_ENDPOINT that is not an http(s) URL, naming the variable', () => {
      expect(() => loadConfig({ S3_CONTROL_ENDPOINT: 'control.internal', STS_ENDPOINT: 'ftp://sts.internal' })).toThrow(/S3_CONTROL_ENDPOINT: Invalid URL[\s\S]*STS_ENDPOINT/);
    });
  });
});
