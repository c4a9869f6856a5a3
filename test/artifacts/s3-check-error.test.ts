import { s3CheckError } from '../../src/artifacts/s3/s3-check-error.js';

const head = { operation: 'HeadObject', permission: 's3:GetObject', resource: 'arn:aws:s3:::models/*' };

describe('s3CheckError', () => {
  it('says to set a region when the SDK had none to sign with, not to check the network', () => {
    const error = s3CheckError(new Error('Region is missing'), head);
    expect(error.message).toBe('no AWS region is configured');
    expect(error.fix).toMatch(/^set AWS_REGION/);
  });

  it('keeps the network advice for a store that could not be reached', () => {
    const unreachable = Object.assign(new Error('getaddrinfo ENOTFOUND models.s3.eu-west-1.amazonaws.com'), { name: 'Error', code: 'ENOTFOUND' });
    expect(s3CheckError(unreachable, head).fix).toMatch(/S3_ENDPOINT|network/);
  });
});
