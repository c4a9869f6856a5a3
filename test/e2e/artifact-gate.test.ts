import { Writable } from 'node:stream';
import { createS3ArtifactStore } from '../../src/artifacts/s3/s3-artifact-store.js';
import { createKmsAliasResolver } from '../../src/artifacts/kms/resolve-kms-alias.js';
import { createArtifactVerifier } from '../../src/artifacts/verify-artifact.js';
import { submitArtifacts } from '../../src/cli/artifact-submit.js';
import { adfToText } from '../../simulators/jira/adf-to-text.js';
import { createKmsSimulator, kmsClientFor, type KmsSimulator } from '../../simulators/kms/index.js';
import { createS3Simulator, FULLY_BLOCKED, s3ClientFor, sha256Of, type S3Simulator } from '../../simulators/s3/index.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice' };
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const MODEL = Buffer.from('churn model weights\n'.repeat(500));
const POLICY = `version: 1
rules:
  - name: ml-models
    match:
      jira: { projects: [ML] }
    mode: block
    require:
      - encrypted-artifact: { encryption: aws:kms, kmsKeys: [${KEY}] }
  - name: ml-models-by-alias
    match:
      jira: { projects: [MLA] }
    mode: block
    require:
      - encrypted-artifact: { kmsKeys: [alias/ml-models] }
`;

function sink() {
  let text = '';
  return { stream: new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), text: () => text };
}

describe('the gate on stored artifacts', () => {
  let h: GateHarness;
  let s3: S3Simulator;
  let kms: KmsSimulator;
  let ciToken: string;
  beforeAll(async () => {
    s3 = await createS3Simulator();
    kms = await createKmsSimulator();
    kms.state.setAlias('alias/ml-models', kms.state.createKey('eu-west-1', { keyId: KEY.split('/')[1]! }));
    s3.state.createBucket('ml-models', { publicAccessBlock: { ...FULLY_BLOCKED }, defaultEncryption: { algorithm: 'aws:kms', kmsKeyId: KEY } });
    h = await startGateHarness({
      policy: POLICY,
      verifyArtifact: createArtifactVerifier({
        stores: { s3: createS3ArtifactStore(s3ClientFor(s3)) },
        hashMaxBytes: 1 << 20,
        resolveKmsAlias: createKmsAliasResolver({ kmsClientFor: (region) => kmsClientFor(kms, region) }),
      }),
    });
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.addProject({ key: 'MLA' });
    h.jira.state.useSimplifiedWorkflow();
    ciToken = await h.createToken('ci', 'ci-artifacts', ['ML', 'MLA']);
  });
  afterAll(async () => {
    await h.close();
    await s3.close();
    await kms.close();
  });

  const comment = (key: string) => adfToText(h.jira.state.comments(key).find((c) => c.authorAccountId === h.jira.selfAccountId)!.body);
  // `donegate evidence submit --criterion encrypted-artifact --artifact … --sha256 …` from CI.
  const submit = async (key: string, uri: string, sha256: string) => {
    const out = sink();
    const err = sink();
    const { code } = await submitArtifacts({ tracker: 'jira', ticket: key, criterion: 'encrypted-artifact', artifact: [uri], sha256: [sha256] }, { DONEGATE_URL: h.url, DONEGATE_TOKEN: ciToken }, { out: out.stream, err: err.stream });
    return { code, stdout: out.text(), stderr: err.text() };
  };

  it('blocks an SSE-S3 model file → the object is re-uploaded with KMS → evidence re-submitted → the ticket passes', async () => {
    s3.state.putObject('ml-models', 'churn/model.safetensors', { body: MODEL, sse: { algorithm: 'AES256' } });
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', description: '## Artifacts\n- s3://ml-models/churn/model.safetensors\n' });

    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'artifact-1-move' });
    const blocked = await h.decisionFor('jira', issue.key, 'artifact-1-move');
    expect(blocked.outcome).toBe('fail');
    expect(blocked.criteria).toEqual([
      expect.objectContaining({
        criterion: 'encrypted-artifact',
        status: 'fail',
        reason: '1 of 1 artifact does not meet the policy',
        details: ['s3://ml-models/churn/model.safetensors: fail — SSE-S3 (AES256) where a customer-managed KMS key is required'],
      }),
    ]);
    expect(h.jira.state.issue(issue.key).labels).toContain('security-dod-blocked');
    expect(comment(issue.key)).toContain('s3://ml-models/churn/model.safetensors: fail — SSE-S3 (AES256) where a customer-managed KMS key is required');

    s3.state.putObject('ml-models', 'churn/model.safetensors', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY, bucketKeyEnabled: true } });
    const submitted = await submit(issue.key, 's3://ml-models/churn/model.safetensors', sha256Of(MODEL));
    expect(submitted.code).toBe(0);
    expect(submitted.stdout).toContain(`accepted: encrypted-artifact evidence for jira ${issue.key} (artifact-manifest`);
    const [record] = (await h.evidence.forTicket('jira', issue.key)).get('encrypted-artifact') ?? [];
    const reevaluated = await h.decisionFor('jira', issue.key, `evidence:${record!.id}`);
    expect(reevaluated.outcome).toBe('pass');
    expect(reevaluated.criteria[0]!.details).toEqual([
      `s3://ml-models/churn/model.safetensors: pass — SSE-KMS with ${KEY} (bucket key); public access blocked; sha256 matches (stored checksum)`,
    ]);
    expect(comment(issue.key)).toContain('can be moved to Done now');

    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'artifact-1-move-2' });
    expect((await h.decisionFor('jira', issue.key, 'artifact-1-move-2')).outcome).toBe('pass');
    expect(h.jira.state.issue(issue.key).labels).not.toContain('security-dod-blocked');
    expect(h.jira.violations).toEqual([]);
  });

  it('says "could not check" for an artifact linked from the ticket that donegate may not read, and blocks', async () => {
    s3.state.putObject('ml-models', 'churn/locked.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY }, fault: { kind: 'access-denied' } });
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    h.jira.state.addRemoteLink(issue.key, { url: 'https://ml-models.s3.eu-west-1.amazonaws.com/churn/locked.bin', title: 'model' });

    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'artifact-2-move' });
    const decision = await h.decisionFor('jira', issue.key, 'artifact-2-move');
    expect(decision.criteria[0]).toMatchObject({ status: 'error', reason: 'could not check the artifact', details: ['s3://ml-models/churn/locked.bin: could not check — access denied to HeadObject'] });
    expect(decision.outcome).toBe('fail');
    const text = comment(issue.key);
    expect(text).toContain("grant s3:GetObject on arn:aws:s3:::ml-models/churn/locked.bin to donegate's role");
    expect(text).not.toMatch(/locked\.bin: (pass|fail)/);
  });

  it('passes a ticket whose artifacts use the key the policy names by alias, asking KMS once for all of them', async () => {
    s3.state.putObject('ml-models', 'churn/v2/encoder.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY } });
    s3.state.putObject('ml-models', 'churn/v2/decoder.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY } });
    s3.state.putObject('ml-models', 'churn/v2/legacy.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY.replace('1234abcd', '9999ffff') } });
    const issue = h.jira.state.createIssue({
      project: 'MLA',
      status: 'In Progress',
      description: '## Artifacts\n- s3://ml-models/churn/v2/encoder.bin\n- s3://ml-models/churn/v2/decoder.bin\n',
    });
    const before = kms.requests.length;

    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'artifact-alias-move' });
    const decision = await h.decisionFor('jira', issue.key, 'artifact-alias-move');
    expect(decision.outcome).toBe('pass');
    expect(decision.criteria[0]).toMatchObject({ criterion: 'encrypted-artifact', status: 'pass', reason: 'all 2 artifacts are stored as the policy requires' });
    expect(kms.requests.slice(before)).toEqual(['DescribeKey eu-west-1 alias/ml-models']);

    // The bucket default is the alias's key, so it is not called weaker: the alias was resolved for it too.
    const other = h.jira.state.createIssue({ project: 'MLA', status: 'In Progress', description: '## Artifacts\n- s3://ml-models/churn/v2/legacy.bin\n' });
    await h.post('jira', h.jira.moveIssue(other.key, 'Done', ALICE), { deliveryId: 'artifact-alias-move-2' });
    expect((await h.decisionFor('jira', other.key, 'artifact-alias-move-2')).criteria[0]).toMatchObject({
      status: 'fail',
      details: [`s3://ml-models/churn/v2/legacy.bin: fail — KMS key ${KEY.replace('1234abcd', '9999ffff')} is not on the policy's list of allowed keys`],
    });
  });

  it('refuses a presigned link as an artifact before anything is sent', async () => {
    const err = sink();
    const { code } = await submitArtifacts(
      { tracker: 'jira', ticket: 'ML-1', criterion: 'encrypted-artifact', artifact: ['https://ml-models.s3.amazonaws.com/m.bin?X-Amz-Signature=abc'] },
      { DONEGATE_URL: h.url, DONEGATE_TOKEN: ciToken },
      { out: sink().stream, err: err.stream },
    );
    expect(code).toBe(2);
    expect(err.text()).toContain('is not an artifact URI');
    expect(JSON.stringify([...(await h.evidence.forTicket('jira', 'ML-1')).values()])).not.toContain('X-Amz-Signature');
  });
});
