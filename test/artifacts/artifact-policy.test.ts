import { artifactPolicySchema } from '../../src/artifacts/artifact-policy.js';
import { kmsAccessFor } from '../../src/artifacts/kms/kms-access.js';

const kmsKeysError = (kmsKeys: string[]) => {
  const parsed = artifactPolicySchema.safeParse({ kmsKeys });
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

describe('kmsKeys in the encrypted-artifact policy', () => {
  it.each([
    ['a key ARN', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a multi-Region key ARN', 'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['a key ARN in another partition', 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a bare key id', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a bare multi-Region key id', 'mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['an alias name', 'alias/ml-models'],
    ['an alias name with slashes', 'alias/team/ml_models-2'],
    ['an alias ARN', 'arn:aws:kms:eu-west-1:111122223333:alias/ml-models'],
    ['a Cloud KMS key name', 'projects/acme/locations/europe-west1/keyRings/ml/cryptoKeys/models'],
    ['a MinIO KES key as MinIO reports it', 'arn:aws:kms:minio-ml-models'],
  ])('accepts %s', (_form, entry) => {
    expect(kmsKeysError([entry])).toBeUndefined();
  });

  it.each([
    ['a key ARN with a made-up key id', 'arn:aws:kms:eu-west-1:111122223333:key/other'],
    ['an alias without the alias/ prefix', 'ml-models'],
    ['an ARN of another service', 'arn:aws:s3:::acme-ml-models'],
    ['an alias ARN without an account', 'arn:aws:kms:eu-west-1::alias/ml-models'],
    ['an alias name with a space', 'alias/ml models'],
  ])('refuses %s, naming the forms it takes', (_form, entry) => {
    expect(kmsKeysError([entry])).toMatch(/^not a KMS key: use a key ARN \(arn:aws:kms:<region>:<account>:key\/<key id>\), a key id .*an alias \(alias\/<name>\), an alias ARN/);
  });
});

describe('where aliases are resolved', () => {
  it('asks AWS KMS when no S3 endpoint is set, or the endpoint is an AWS one', () => {
    expect(kmsAccessFor({})).toEqual({});
    expect(kmsAccessFor({ s3Endpoint: 'https://bucket.vpce-0a1b2c3d-example.s3.eu-west-1.vpce.amazonaws.com' })).toEqual({});
  });

  it('asks KMS_ENDPOINT when set', () => {
    expect(kmsAccessFor({ s3Endpoint: 'http://minio.internal:9000', kmsEndpoint: 'http://kes.internal:7373' })).toEqual({ endpoint: 'http://kes.internal:7373' });
  });

  it('does not ask AWS KMS for a store outside AWS without KMS_ENDPOINT', () => {
    expect(kmsAccessFor({ s3Endpoint: 'http://minio.internal:9000' })).toMatchObject({
      unavailable: 'S3_ENDPOINT points at a store outside AWS (minio.internal) and KMS_ENDPOINT is not set, so donegate does not ask AWS KMS',
    });
  });
});
