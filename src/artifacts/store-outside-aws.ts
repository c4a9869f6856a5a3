// S3 through a VPC endpoint, FIPS or dual-stack host is still AWS.
const AWS_HOST = /(^|\.)amazonaws\.com(\.cn)?$/;

/**
 * The host S3_ENDPOINT names when it is a store outside AWS (MinIO, Ceph, R2), whose credentials are not
 * to be sent to AWS services; undefined for AWS S3 itself.
 */
export function storeOutsideAws(s3Endpoint: string | undefined): string | undefined {
  if (!s3Endpoint) return undefined;
  const host = new URL(s3Endpoint).hostname;
  return AWS_HOST.test(host) ? undefined : host;
}
