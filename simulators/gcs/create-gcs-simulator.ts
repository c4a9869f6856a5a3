import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../listen-on-loopback.js';

export interface GcsSimObject {
  body: Buffer;
  /** CMEK: the Cloud KMS key version the object is encrypted with. */
  kmsKeyName?: string;
  /** CSEK: encrypted with a key the uploader supplied; downloads without it answer 400. */
  customerSupplied?: boolean;
  /** Requests for the object answer 403, as without storage.objects.get. */
  denied?: boolean;
}

export interface GcsSimBucket {
  publicAccessPrevention: 'enforced' | 'inherited';
  uniformBucketLevelAccess: boolean;
  bindings: Array<{ role: string; members: string[] }>;
  /** buckets.getIamPolicy answers 403, as without storage.buckets.getIamPolicy. */
  iamDenied?: boolean;
  objects: Map<string, GcsSimObject>;
}

export interface GcsSimulator {
  /** The `apiEndpoint` of a Storage client (`GCS_API_ENDPOINT`). */
  endpoint: string;
  createBucket(name: string, settings?: Partial<Omit<GcsSimBucket, 'objects'>>): GcsSimBucket;
  putObject(bucket: string, name: string, object: GcsSimObject): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  json?: unknown;
  body?: Buffer;
}

const gcsError = (status: number, reason: string, message: string): Reply => ({ status, json: { error: { code: status, message, errors: [{ message, domain: 'global', reason }] } } });

/**
 * The parts of the Cloud Storage JSON API the artifact check reads: object and bucket metadata, the
 * bucket IAM policy and object media, with the API's resource shapes and error bodies.
 * https://cloud.google.com/storage/docs/json_api/v1
 */
export async function createGcsSimulator(): Promise<GcsSimulator> {
  const buckets = new Map<string, GcsSimBucket>();

  function answer(request: IncomingMessage): Reply {
    const url = new URL(request.url ?? '/', 'http://gcs.simulator');
    const match = /^\/storage\/v1\/b\/([^/]+)(?:\/(iam)|\/o\/([^/]+))?$/.exec(url.pathname);
    if (request.method !== 'GET' || !match) return gcsError(404, 'notFound', `Not Found: ${request.method} ${url.pathname}`);
    const bucketName = decodeURIComponent(match[1]!);
    const bucket = buckets.get(bucketName);
    if (!bucket) return gcsError(404, 'notFound', 'The specified bucket does not exist.');
    if (match[2] === 'iam') {
      if (bucket.iamDenied) return gcsError(403, 'forbidden', `donegate@project.iam.gserviceaccount.com does not have storage.buckets.getIamPolicy access to the Google Cloud Storage bucket.`);
      return { status: 200, json: { kind: 'storage#policy', resourceId: `projects/_/buckets/${bucketName}`, version: 1, etag: 'CAE=', bindings: bucket.bindings } };
    }
    if (match[3] === undefined) {
      return {
        status: 200,
        json: {
          kind: 'storage#bucket',
          id: bucketName,
          name: bucketName,
          location: 'EU',
          storageClass: 'STANDARD',
          iamConfiguration: { uniformBucketLevelAccess: { enabled: bucket.uniformBucketLevelAccess }, publicAccessPrevention: bucket.publicAccessPrevention },
        },
      };
    }
    const name = decodeURIComponent(match[3]);
    const object = bucket.objects.get(name);
    if (!object) return gcsError(404, 'notFound', `No such object: ${bucketName}/${name}`);
    if (object.denied) return gcsError(403, 'forbidden', `donegate@project.iam.gserviceaccount.com does not have storage.objects.get access to the Google Cloud Storage object.`);
    if (url.searchParams.get('alt') === 'media') {
      if (object.customerSupplied) return gcsError(400, 'resourceIsEncryptedWithCustomerEncryptionKey', 'The target object is encrypted by a customer-supplied encryption key.');
      return { status: 200, body: object.body };
    }
    return { status: 200, json: objectResource(bucketName, name, object) };
  }

  const server = createServer((request, response: ServerResponse) => {
    request.resume();
    request.on('end', () => {
      const reply = answer(request);
      const body = reply.body ?? Buffer.from(JSON.stringify(reply.json));
      response.writeHead(reply.status, { 'content-type': reply.body ? 'application/octet-stream' : 'application/json; charset=UTF-8', 'content-length': String(body.length) });
      response.end(body);
    });
  });
  const { endpoint, close } = await listenOnLoopback(server);

  return {
    endpoint,
    createBucket(name, settings = {}) {
      const bucket: GcsSimBucket = { publicAccessPrevention: 'enforced', uniformBucketLevelAccess: true, bindings: [], ...settings, objects: new Map() };
      buckets.set(name, bucket);
      return bucket;
    },
    putObject(bucket, name, object) {
      const target = buckets.get(bucket);
      if (!target) throw new Error(`GCS simulator: no bucket ${bucket}`);
      target.objects.set(name, object);
    },
    close,
  };
}

/** The `Object` resource: md5Hash and crc32c in base64, never a sha256 (GCS keeps none). */
function objectResource(bucket: string, name: string, object: GcsSimObject) {
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/1700000000000000`,
    name,
    bucket,
    generation: '1700000000000000',
    metageneration: '1',
    contentType: 'application/octet-stream',
    storageClass: 'STANDARD',
    size: String(object.body.length),
    md5Hash: createHash('md5').update(object.body).digest('base64'),
    crc32c: 'AAAAAA==',
    etag: 'CICAgICAgICAAQ==',
    timeCreated: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    ...(object.kmsKeyName ? { kmsKeyName: object.kmsKeyName } : {}),
    ...(object.customerSupplied ? { customerEncryption: { encryptionAlgorithm: 'AES256', keySha256: createHash('sha256').update('csek').digest('base64') } } : {}),
  };
}
