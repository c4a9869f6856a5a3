import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

export type SignatureCheck =
  | { ok: true; accessKeyId: string; region: string; service: string }
  | { ok: false; status: 400 | 403; code: string; message: string };

/** S3 sorts the query by name and keeps each pair as sent (the SDK sends it URI-encoded already). */
function canonicalQuery(search: string): string {
  if (search === '') return '';
  return search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => (pair.includes('=') ? pair : `${pair}=`))
    .sort()
    .join('&');
}

/**
 * Check an AWS Signature Version 4 the way S3 does: rebuild the canonical request from what arrived,
 * derive the signing key from the secret, compare. The path is signed as sent: S3 does not normalise it.
 * S3 requires the payload hash in `x-amz-content-sha256`; other services (KMS) sign the body's hash
 * without sending it, so pass `body` for those.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export function verifySigV4(request: IncomingMessage, credentials: ReadonlyMap<string, string>, body?: Buffer): SignatureCheck {
  const header = request.headers.authorization;
  if (!header) return { ok: false, status: 403, code: 'AccessDenied', message: 'Anonymous access is forbidden for this operation' };
  const parsed = AUTHORIZATION.exec(header);
  if (!parsed) return { ok: false, status: 400, code: 'AuthorizationHeaderMalformed', message: 'The authorization header is malformed' };
  const [, accessKeyId, date, region, service, signedHeaders, signature] = parsed as unknown as [string, string, string, string, string, string, string];
  const secret = credentials.get(accessKeyId);
  if (secret === undefined) return { ok: false, status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const payloadHash = String(request.headers['x-amz-content-sha256'] ?? (body ? sha256Hex(body) : ''));
  if (!amzDate.startsWith(date) || payloadHash === '') {
    return { ok: false, status: 400, code: 'AuthorizationHeaderMalformed', message: 'x-amz-date and x-amz-content-sha256 must be signed' };
  }
  const url = new URL(request.url ?? '/', 'http://s3.simulator');
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => `${name}:${String(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [request.method, url.pathname, canonicalQuery(url.search), canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  const expected = hmac(key, stringToSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return { ok: false, status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.' };
  }
  return { ok: true, accessKeyId, region, service };
}
