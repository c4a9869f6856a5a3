import { Storage } from '@google-cloud/storage';
import { parseArtifactUri } from '../../src/artifacts/artifact-ref.js';
import { artifactPolicySchema } from '../../src/artifacts/artifact-policy.js';
import { createGcsArtifactStore } from '../../src/artifacts/gcs/gcs-artifact-store.js';
import { createArtifactVerifier } from '../../src/artifacts/verify-artifact.js';
import { createGcsSimulator, type GcsSimulator } from '../../simulators/gcs/create-gcs-simulator.js';
import { sha256Of } from '../../simulators/s3/index.js';

const CMEK = 'projects/acme-ml/locations/europe/keyRings/models/cryptoKeys/weights';
const MODEL = Buffer.from('gcs model weights '.repeat(300));

describe('live verification of GCS artifacts through @google-cloud/storage', () => {
  let gcs: GcsSimulator;
  const verify = (uri: string, options: { sha256?: string; policy?: Record<string, unknown> } = {}) => {
    const storage = new Storage({ apiEndpoint: gcs.endpoint, projectId: 'acme-ml', retryOptions: { maxRetries: 0 } });
    const verifier = createArtifactVerifier({ stores: { gs: createGcsArtifactStore(storage) }, hashMaxBytes: 1 << 20 });
    return verifier(parseArtifactUri(uri, 'test', options.sha256), artifactPolicySchema.parse(options.policy ?? { kmsKeys: [CMEK] }));
  };

  beforeAll(async () => {
    gcs = await createGcsSimulator();
    gcs.createBucket('acme-models');
    gcs.createBucket('acme-public', { publicAccessPrevention: 'inherited', bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] });
    gcs.createBucket('acme-acls', { publicAccessPrevention: 'inherited', uniformBucketLevelAccess: false });
    gcs.createBucket('acme-iam-hidden', { publicAccessPrevention: 'inherited', iamDenied: true });
    gcs.putObject('acme-models', 'churn/model.pt', { body: MODEL, kmsKeyName: `${CMEK}/cryptoKeyVersions/3` });
    gcs.putObject('acme-models', 'churn/google.pt', { body: MODEL });
    gcs.putObject('acme-models', 'churn/csek.pt', { body: MODEL, customerSupplied: true });
    gcs.putObject('acme-models', 'churn/denied.pt', { body: MODEL, denied: true });
    for (const bucket of ['acme-public', 'acme-acls', 'acme-iam-hidden']) gcs.putObject(bucket, 'model.pt', { body: MODEL, kmsKeyName: `${CMEK}/cryptoKeyVersions/1` });
  });
  afterAll(async () => {
    await gcs.close();
  });

  it('passes a CMEK object under an allowed key (matched without its version) in a bucket that prevents public access', async () => {
    const verdict = await verify('gs://acme-models/churn/model.pt');
    expect(verdict).toMatchObject({ status: 'pass', facts: [`CMEK with ${CMEK}/cryptoKeyVersions/3`, 'public access prevention enforced'] });
  });

  it('hashes the object for a declared sha256, since GCS keeps no sha256', async () => {
    expect((await verify('gs://acme-models/churn/model.pt', { sha256: sha256Of(MODEL) })).facts).toContain('sha256 matches (hashed)');
    expect((await verify('gs://acme-models/churn/model.pt', { sha256: sha256Of('other') })).status).toBe('fail');
  });

  it('fails Google-managed encryption where a customer-managed key is required, and accepts it under `any`', async () => {
    const verdict = await verify('gs://acme-models/churn/google.pt');
    expect(verdict.problems).toEqual(['Google-managed encryption key where a customer-managed KMS key is required']);
    expect(verdict.fixes).toEqual(['rewrite it with an allowed Cloud KMS key: gcloud storage objects update gs://acme-models/churn/google.pt --encryption-key=<projects/…/cryptoKeys/…>']);
    expect((await verify('gs://acme-models/churn/google.pt', { policy: { encryption: 'any' } })).status).toBe('pass');
  });

  it('fails a customer-supplied key (CSEK) under aws:kms, and cannot hash it without the key', async () => {
    expect((await verify('gs://acme-models/churn/csek.pt')).problems).toEqual(['CSEK (customer-supplied key) where a customer-managed KMS key is required']);
    const any = await verify('gs://acme-models/churn/csek.pt', { sha256: sha256Of(MODEL), policy: { encryption: 'any' } });
    expect(any.status).toBe('error');
    expect(any.errors[0]).toMatch(/objects\.get \(media\) failed \(HTTP 400/);
  });

  it('fails a bucket whose IAM policy grants allUsers, and one whose object ACLs are on without public access prevention', async () => {
    expect((await verify('gs://acme-public/model.pt')).problems).toEqual(['public access possible: the bucket IAM policy grants roles/storage.objectViewer to allUsers or allAuthenticatedUsers']);
    expect((await verify('gs://acme-acls/model.pt')).problems[0]).toMatch(/object ACLs are on/);
  });

  it('reports what it could not read as errors naming the permission', async () => {
    expect(await verify('gs://acme-iam-hidden/model.pt')).toMatchObject({ status: 'error', errors: ['access denied to buckets.get / buckets.getIamPolicy'] });
    const denied = await verify('gs://acme-models/churn/denied.pt');
    expect(denied).toMatchObject({ status: 'error', facts: [], errors: ['access denied to objects.get'] });
    expect(denied.fixes).toEqual(["grant storage.objects.get on gs://acme-models/churn/denied.pt to donegate's service account"]);
    expect(await verify('gs://acme-models/churn/missing.pt')).toMatchObject({ status: 'error', errors: ['no such object'] });
  });
});
