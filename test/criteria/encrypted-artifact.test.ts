import type { ArtifactRef } from '../../src/artifacts/artifact-ref.js';
import { createS3ArtifactStore } from '../../src/artifacts/s3/s3-artifact-store.js';
import { createArtifactVerifier } from '../../src/artifacts/verify-artifact.js';
import { createEncryptedArtifact } from '../../src/criteria/encrypted-artifact.js';
import { createCriterionRegistry } from '../../src/criteria/registry.js';
import type { EvidenceRecord } from '../../src/evidence/evidence-record.js';
import { createS3Simulator, FULLY_BLOCKED, s3ClientFor, sha256Of, type S3Simulator } from '../../simulators/s3/index.js';
import type { Ticket } from '../../src/domain/index.js';
import { evaluateCriteria } from '../../src/worker/evaluate-criteria.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const MODEL = Buffer.from('weights');
const ticket: Ticket = { tracker: 'jira', id: '1', key: 'ML-1', title: 't', status: { id: 'd', name: 'Done', category: 'done', isDone: true }, project: 'ML', labels: [] };

describe('encrypted-artifact', () => {
  let s3: S3Simulator;
  let ticketRefs: ArtifactRef[];
  const criterion = () =>
    createEncryptedArtifact({
      verifyArtifact: createArtifactVerifier({ stores: { s3: createS3ArtifactStore(s3ClientFor(s3)) }, hashMaxBytes: 1 << 20 }),
      findTicketArtifacts: async () => ticketRefs,
    });
  const manifest = (text: string): EvidenceRecord => {
    const parsed = criterion().parseEvidence!(Buffer.from(text));
    return { id: 'e1', tracker: 'jira', ticketKey: 'ML-1', criterion: 'encrypted-artifact', outcome: parsed.outcome, summary: { ...parsed.summary, format: parsed.format }, sha256: 'f'.repeat(64), source: 'cli', submitter: 'ci', createdAt: NOW };
  };
  const evaluate = async (evidence: EvidenceRecord[], options: Record<string, unknown> = {}) => {
    const c = criterion();
    return c.evaluate({ ticket, evidence, waivers: [], now: NOW }, c.optionsSchema.parse(options));
  };

  beforeAll(async () => {
    s3 = await createS3Simulator();
    s3.state.createBucket('models', { publicAccessBlock: { ...FULLY_BLOCKED } });
    s3.state.putObject('models', 'kms.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY } });
    s3.state.putObject('models', 'sse-s3.bin', { body: MODEL, sse: { algorithm: 'AES256' } });
    s3.state.putObject('models', 'denied.bin', { body: MODEL, sse: { algorithm: 'aws:kms', kmsKeyId: KEY }, fault: { kind: 'access-denied' } });
  });
  beforeEach(() => {
    ticketRefs = [];
  });
  afterAll(async () => {
    await s3.close();
  });

  it('fails with "no artifacts declared" and says the three ways to declare one', async () => {
    const result = await evaluate([]);
    expect(result).toMatchObject({ status: 'fail', reason: 'no artifacts declared' });
    expect(result.fix).toContain('an "Artifacts" section of the ticket description');
    expect(result.fix).toContain('donegate evidence submit --tracker jira --ticket ML-1 --criterion encrypted-artifact --artifact s3://bucket/key --sha256 <sha256>');
  });

  it('passes when every artifact passes, listing what was checked for each', async () => {
    const result = await evaluate([manifest(`${sha256Of(MODEL)}  s3://models/kms.bin`)]);
    expect(result).toEqual({
      criterion: 'encrypted-artifact',
      status: 'pass',
      reason: 'the artifact is stored as the policy requires',
      details: [`s3://models/kms.bin: pass — SSE-KMS with ${KEY}; bucket default: no encryption; public access blocked; sha256 matches (stored checksum)`],
    });
  });

  it('fails when any artifact fails, naming every artifact with its result', async () => {
    ticketRefs = [{ scheme: 's3', bucket: 'models', key: 'sse-s3.bin', source: 'description' }];
    const result = await evaluate([manifest('s3://models/kms.bin\ns3://models/denied.bin')]);
    expect(result.status).toBe('fail');
    expect(result.reason).toBe('1 of 3 artifacts do not meet the policy; 1 could not be checked');
    expect(result.details).toEqual([
      expect.stringMatching(/^s3:\/\/models\/kms\.bin: pass — /),
      's3://models/denied.bin: could not check — access denied to HeadObject',
      's3://models/sse-s3.bin: fail — SSE-S3 (AES256) where a customer-managed KMS key is required',
    ]);
    expect(result.fix).toContain("grant s3:GetObject on arn:aws:s3:::models/denied.bin to donegate's role");
    expect(result.fix).toContain('--sse aws:kms --sse-kms-key-id');
  });

  it('is `error`, never pass or fail, when the only problem is an artifact it could not check', async () => {
    const result = await evaluate([manifest('s3://models/kms.bin\ns3://models/denied.bin')]);
    expect(result).toMatchObject({ status: 'error', reason: 'could not check 1 of 2 artifacts' });
  });

  it('uses the newest manifest only, and a submitted sha256 over one written on the ticket', async () => {
    ticketRefs = [{ scheme: 's3', bucket: 'models', key: 'kms.bin', sha256: sha256Of('stale'), source: 'description' }];
    const newer = { ...manifest(`${sha256Of(MODEL)}  s3://models/kms.bin`), id: 'e2' };
    const older = { ...manifest('s3://models/sse-s3.bin'), id: 'e1', createdAt: new Date(NOW.getTime() - 1000) };
    expect((await evaluate([newer, older])).status).toBe('pass');
  });

  it('checks a sha256 written on the ticket when no manifest gives one', async () => {
    ticketRefs = [{ scheme: 's3', bucket: 'models', key: 'kms.bin', sha256: sha256Of('stale'), source: 'description' }];
    expect((await evaluate([])).details).toEqual([expect.stringContaining('sha256 mismatch')]);
  });

  it('reports `error` without a verifier (a process started without artifact checks)', async () => {
    const bare = createEncryptedArtifact({});
    const result = await bare.evaluate({ ticket, evidence: [manifest('s3://models/kms.bin')], waivers: [], now: NOW }, bare.optionsSchema.parse({}));
    expect(result.status).toBe('error');
  });

  it('is `error` through the worker when the ticket cannot be read for its artifacts', async () => {
    const registry = createCriterionRegistry({
      verifyArtifact: createArtifactVerifier({ stores: {}, hashMaxBytes: 1 }),
      findTicketArtifacts: async () => {
        throw new Error('Jira answered 503');
      },
    });
    const [result] = await evaluateCriteria(registry, [{ criterion: 'encrypted-artifact', options: { encryption: 'aws:kms', kmsKeys: [] } }], { ticket, evidence: new Map(), waivers: new Map(), now: NOW });
    expect(result).toMatchObject({ status: 'error', reason: 'could not be checked: Jira answered 503' });
  });

  it('checks at most 50 artifacts of one ticket, and says so instead of a verdict', async () => {
    ticketRefs = Array.from({ length: 51 }, (_, i) => ({ scheme: 's3' as const, bucket: 'models', key: `part-${i}.bin`, source: 'description' }));
    expect(await evaluate([])).toMatchObject({ status: 'error', reason: 'the ticket names 51 artifacts; at most 50 are checked' });
  });

  it('takes KMS aliases in the policy, and refuses an entry that is no KMS key', () => {
    expect(criterion().optionsSchema.safeParse({ kmsKeys: ['alias/ml-models', 'arn:aws:kms:eu-west-1:111122223333:alias/ml-models'] }).success).toBe(true);
    expect(criterion().optionsSchema.safeParse({ kmsKeys: ['ml-models'] }).success).toBe(false);
  });
});
