import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from '../listen-on-loopback.js';
import { verifySigV4 } from '../s3/verify-sigv4.js';
import { KmsSimulatorState, SIM_KMS_ACCOUNT, type SimKmsKey } from './kms-state.js';

/** `endpoint` serves a KMSClient of any region: the signature names the region. */
export interface KmsSimulator extends LoopbackServer {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  state: KmsSimulatorState;
  /** Every signed request that arrived, in order: `DescribeKey eu-west-1 alias/ml-models`. */
  requests: string[];
}

interface Reply {
  status: number;
  body: unknown;
}

const JSON_11 = 'application/x-amz-json-1.1';
const SIGNATURE_ERRORS: Record<string, string> = {
  InvalidAccessKeyId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  AccessDenied: 'MissingAuthenticationTokenException',
};

/**
 * A KMS-compatible server for the tests: the AWS JSON 1.1 protocol (POST / with `X-Amz-Target:
 * TrentService.<Operation>`), SigV4-verified requests, and DescribeKey as AWS documents it. One endpoint
 * serves every region: the region a request is signed for is the region it asks in, as each regional
 * KMS endpoint only answers for its own region.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
 */
export async function createKmsSimulator(options: { credentials?: { accessKeyId: string; secretAccessKey: string } } = {}): Promise<KmsSimulator> {
  const state = new KmsSimulatorState();
  const credentials = options.credentials ?? { accessKeyId: 'AKIAKMSSIMULATOR0001', secretAccessKey: 'kms-simulator-secret-access-key' };
  const secrets = new Map([[credentials.accessKeyId, credentials.secretAccessKey]]);
  const requests: string[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = answer(request, Buffer.concat(chunks));
      const body = Buffer.from(JSON.stringify(reply.body));
      response.writeHead(reply.status, { 'content-type': JSON_11, 'content-length': String(body.length), 'x-amzn-requestid': randomUUID() });
      response.end(body);
    });
  });

  function answer(request: IncomingMessage, body: Buffer): Reply {
    const error = (type: string, message: string): Reply => ({ status: 400, body: { __type: type, message } });
    const signature = verifySigV4(request, secrets, body);
    // JSON-protocol services answer signature problems with 400, where S3 says 403.
    if (!signature.ok) return error(SIGNATURE_ERRORS[signature.code] ?? 'IncompleteSignature', signature.message);
    if (signature.service !== 'kms') return error('InvalidSignatureException', `Credential should be scoped to correct service: 'kms'.`);
    if (request.method !== 'POST' || request.url !== '/') return error('UnknownOperationException', 'Only POST / is accepted');
    if (request.headers['content-type'] !== JSON_11) return error('SerializationException', `Content-Type must be ${JSON_11}`);
    const target = String(request.headers['x-amz-target'] ?? '');
    let input: { KeyId?: unknown };
    try {
      input = JSON.parse(body.toString('utf8')) as { KeyId?: unknown };
    } catch {
      return error('SerializationException', 'The request body is not JSON');
    }
    const operation = target.replace(/^TrentService\./, '');
    requests.push(`${operation} ${signature.region} ${String(input.KeyId)}`);
    if (target !== 'TrentService.DescribeKey') return error('UnknownOperationException', `The KMS simulator does not implement ${target}`);
    if (typeof input.KeyId !== 'string' || input.KeyId === '') return error('ValidationException', "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    return describeKey(input.KeyId, signature.region, error);
  }

  function describeKey(keyId: string, region: string, error: (type: string, message: string) => Reply): Reply {
    const found = findKey(state, keyId, region);
    if ('missing' in found) return error('NotFoundException', found.missing);
    const key = found.key;
    if (state.describeDenied.has(key.arn)) {
      return error(
        'AccessDeniedException',
        `User: arn:aws:iam::${SIM_KMS_ACCOUNT}:user/donegate is not authorized to perform: kms:DescribeKey on resource: ${key.arn} because no identity-based policy allows the kms:DescribeKey action`,
      );
    }
    return { status: 200, body: { KeyMetadata: keyMetadata(key) } };
  }

  return { ...(await listenOnLoopback(server)), region: 'eu-west-1', credentials, state, requests };
}

/** KeyId as DescribeKey takes it: key id, key ARN, alias name or alias ARN, in the region asked. */
function findKey(state: KmsSimulatorState, keyId: string, region: string): { key: SimKmsKey } | { missing: string } {
  const prefix = `arn:aws:kms:${region}:${SIM_KMS_ACCOUNT}:`;
  const aliasName = keyId.startsWith('alias/') ? keyId : keyId.startsWith(`${prefix}alias/`) ? keyId.slice(prefix.length) : undefined;
  if (aliasName !== undefined) {
    const arn = state.aliases.get(`${region}\n${aliasName}`);
    const key = arn === undefined ? undefined : state.keys.get(arn);
    return key ? { key } : { missing: `Alias ${prefix}${aliasName} is not found.` };
  }
  const arn = keyId.startsWith('arn:') ? keyId : `${prefix}key/${keyId}`;
  const key = state.keys.get(arn);
  return key && key.region === region ? { key } : { missing: `Key '${arn}' does not exist` };
}

/** KeyMetadata as DescribeKey answers it for a symmetric customer managed key; dates in epoch seconds. */
function keyMetadata(key: SimKmsKey): Record<string, unknown> {
  return {
    AWSAccountId: SIM_KMS_ACCOUNT,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.createdAt.getTime() / 1000,
    Enabled: true,
    Description: '',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: key.multiRegion,
    ...(key.multiRegion ? { MultiRegionConfiguration: { MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: key.arn, Region: key.region }, ReplicaKeys: [] } } : {}),
  };
}
