import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../listen-on-loopback.js';
import { S3SimulatorState, type SimBucket, type SimObject } from './s3-state.js';
import { verifySigV4 } from './verify-sigv4.js';
import { xmlDocument, xmlError } from './s3-xml.js';

export interface S3Simulator {
  /** `http://127.0.0.1:<port>`: the `endpoint` of an S3Client with `forcePathStyle: true`. */
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  state: S3SimulatorState;
  /** Every request that arrived, in order: `GetObject my-bucket/model.bin`. */
  requests: string[];
  close(): Promise<void>;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send only this many bytes of the body, then destroy the connection. */
  dropAfter?: number;
}

/**
 * An S3-compatible server for the demo and the tests: path-style addressing, SigV4-verified requests, and the REST XML
 * answers of HeadObject, GetObject, GetBucketEncryption and GetPublicAccessBlock as AWS documents them,
 * errors included (HEAD errors carry no body, as on S3), and the bucket owner condition
 * (`x-amz-expected-bucket-owner`) on each of them.
 */
export async function createS3Simulator(): Promise<S3Simulator> {
  const state = new S3SimulatorState();
  const credentials = { accessKeyId: 'AKIAS3SIMULATOR00001', secretAccessKey: 's3-simulator-secret-access-key' };
  const secrets = new Map([[credentials.accessKeyId, credentials.secretAccessKey]]);
  const requests: string[] = [];

  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      void answer(request).then((reply) => send(request, response, reply));
    });
  });

  async function answer(request: IncomingMessage): Promise<Reply> {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    const error = (status: number, code: string, message: string, extra: Record<string, string> = {}): Reply => ({
      status,
      headers: { 'x-amz-request-id': requestId, 'content-type': 'application/xml' },
      body: xmlError(code, message, requestId, extra),
    });
    const signature = verifySigV4(request, secrets);
    if (!signature.ok) return error(signature.status, signature.code, signature.message);

    const url = new URL(request.url ?? '/', 'http://s3.simulator');
    const [bucketName = '', ...keyParts] = url.pathname.slice(1).split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const bucket = state.buckets.get(decodeURIComponent(bucketName));
    const operation = operationOf(request.method ?? 'GET', key, url.searchParams);
    const expectedOwner = request.headers['x-amz-expected-bucket-owner'];
    requests.push(`${operation} ${bucketName}${key ? `/${key}` : ''}${typeof expectedOwner === 'string' ? ` (expected owner ${expectedOwner})` : ''}`);
    if (!bucket) return error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucketName });
    // Bucket owner condition: checked before the operation itself, answered as a plain Access Denied.
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html
    if (typeof expectedOwner === 'string' && expectedOwner !== bucket.owner) {
      return request.method === 'HEAD' ? { status: 403, headers: { 'x-amz-request-id': requestId } } : error(403, 'AccessDenied', 'Access Denied');
    }

    switch (operation) {
      case 'GetBucketEncryption':
        return bucketEncryption(bucket, bucketName, error);
      case 'GetPublicAccessBlock':
        return publicAccessBlock(bucket, error);
      case 'HeadObject':
      case 'GetObject': {
        const object = bucket.objects.get(key);
        if (object?.fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, (object.fault as { ms: number }).ms).unref());
        const head = operation === 'HeadObject';
        if (!object) return head ? { status: 404, headers: { 'x-amz-request-id': requestId } } : error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
        if (object.fault?.kind === 'access-denied') return head ? { status: 403, headers: { 'x-amz-request-id': requestId } } : error(403, 'AccessDenied', 'Access Denied');
        if (object.sse.algorithm === 'SSE-C' && !request.headers['x-amz-server-side-encryption-customer-algorithm']) {
          return head
            ? { status: 400, headers: { 'x-amz-request-id': requestId } }
            : error(400, 'InvalidRequest', 'The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.');
        }
        if (!head && object.fault?.kind === 'kms-disabled' && 'kmsKeyId' in object.sse) {
          return error(400, 'KMS.DisabledException', `${object.sse.kmsKeyId} is disabled.`);
        }
        if (!head && object.fault?.kind === 'kms-access-denied' && 'kmsKeyId' in object.sse) {
          return error(403, 'AccessDenied', `User: arn:aws:sts::111122223333:assumed-role/donegate/worker is not authorized to perform: kms:Decrypt on resource: ${object.sse.kmsKeyId} because no resource-based policy allows the kms:Decrypt action`);
        }
        const headers = { 'x-amz-request-id': requestId, ...objectHeaders(object, request.headers['x-amz-checksum-mode'] === 'ENABLED') };
        if (head) return { status: 200, headers };
        return { status: 200, headers, body: object.body, ...(object.fault?.kind === 'drop-mid-body' ? { dropAfter: Math.floor(object.body.length / 2) } : {}) };
      }
      default:
        return error(501, 'NotImplemented', `The S3 simulator does not implement ${operation}`);
    }
  }

  function send(request: IncomingMessage, response: ServerResponse, reply: Reply) {
    if (response.destroyed) return;
    const body = reply.body === undefined ? undefined : Buffer.from(reply.body);
    response.writeHead(reply.status, { ...(reply.headers ?? {}), ...(body && !reply.headers?.['content-length'] ? { 'content-length': String(body.length) } : {}) });
    if (reply.dropAfter !== undefined && body) {
      response.write(body.subarray(0, reply.dropAfter), () => response.destroy());
      return;
    }
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const { endpoint, close } = await listenOnLoopback(server);
  return {
    endpoint,
    region: 'eu-west-1',
    credentials,
    state,
    requests,
    close,
  };
}

function operationOf(method: string, key: string, query: URLSearchParams): string {
  if (key === '' && method === 'GET' && query.has('encryption')) return 'GetBucketEncryption';
  if (key === '' && method === 'GET' && query.has('publicAccessBlock')) return 'GetPublicAccessBlock';
  if (key !== '' && method === 'HEAD') return 'HeadObject';
  if (key !== '' && method === 'GET') return 'GetObject';
  return `${method} ${[...query.keys()].join('&')}`;
}

type ErrorReply = (status: number, code: string, message: string, extra?: Record<string, string>) => Reply;

function bucketEncryption(bucket: SimBucket, name: string, error: ErrorReply): Reply {
  if (bucket.denied?.includes('GetBucketEncryption')) return error(403, 'AccessDenied', 'Access Denied');
  const rule = bucket.defaultEncryption;
  if (!rule) return error(404, 'ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found', { BucketName: name });
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: xmlDocument('ServerSideEncryptionConfiguration', {
      Rule: {
        ApplyServerSideEncryptionByDefault: { SSEAlgorithm: rule.algorithm, KMSMasterKeyID: rule.kmsKeyId },
        BucketKeyEnabled: rule.bucketKeyEnabled ?? false,
      },
    }),
  };
}

function publicAccessBlock(bucket: SimBucket, error: ErrorReply): Reply {
  if (bucket.denied?.includes('GetPublicAccessBlock')) return error(403, 'AccessDenied', 'Access Denied');
  if (!bucket.publicAccessBlock) return error(404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: xmlDocument('PublicAccessBlockConfiguration', { ...bucket.publicAccessBlock }) };
}

/** HeadObject/GetObject headers: https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html */
function objectHeaders(object: SimObject, checksumMode: boolean): Record<string, string> {
  const md5 = createHash('md5').update(object.body).digest('hex');
  const headers: Record<string, string> = {
    'content-length': String(object.body.length),
    'content-type': 'application/octet-stream',
    'last-modified': object.lastModified.toUTCString(),
    etag: `"${object.checksum === 'composite' ? `${md5}-3` : md5}"`,
    'accept-ranges': 'bytes',
  };
  const { sse } = object;
  if (sse.algorithm === 'AES256' || sse.algorithm === 'aws:kms' || sse.algorithm === 'aws:kms:dsse') headers['x-amz-server-side-encryption'] = sse.algorithm;
  if ('kmsKeyId' in sse) {
    headers['x-amz-server-side-encryption-aws-kms-key-id'] = sse.kmsKeyId;
    if (sse.bucketKeyEnabled) headers['x-amz-server-side-encryption-bucket-key-enabled'] = 'true';
  }
  if (checksumMode && object.checksum !== 'none') {
    const digest = createHash('sha256').update(object.body).digest('base64');
    // A multipart upload's checksum is the checksum of the part checksums, suffixed with the part count.
    headers['x-amz-checksum-sha256'] = object.checksum === 'composite' ? `${createHash('sha256').update(digest).digest('base64')}-3` : digest;
    headers['x-amz-checksum-type'] = object.checksum === 'composite' ? 'COMPOSITE' : 'FULL_OBJECT';
  }
  return headers;
}
