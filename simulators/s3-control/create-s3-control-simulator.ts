import type { LoopbackServer } from '../listen-on-loopback.js';
import { xmlErrorResponse } from '../aws-error-response.js';
import { xmlElements } from '../s3/s3-xml.js';
import { serveSignedXml, type XmlReply } from '../signed-xml-server.js';

const NAMESPACE = 'http://awss3control.amazonaws.com/doc/2018-08-20/';
const PUBLIC_ACCESS_BLOCK_PATH = '/v20180820/configuration/publicAccessBlock';

export interface SimAccountBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface S3ControlSimulator extends LoopbackServer {
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Account id → its account-level Block Public Access; an account not here has none. */
  accountBlocks: Map<string, SimAccountBlock>;
  /** Accounts whose block the caller may not read (no s3:GetAccountPublicAccessBlock): 403 AccessDenied. */
  denied: Set<string>;
  /** Every signed request that arrived, in order: `GetPublicAccessBlock 111122223333`. */
  requests: string[];
}

/**
 * An S3 Control-compatible server for the tests: REST-XML, SigV4-verified (signed for service `s3`), and
 * the account-level GetPublicAccessBlock as AWS documents it: `GET /v20180820/configuration/publicAccessBlock`
 * with the account in `x-amz-account-id`. A host prefixed with the account id (as AWS addresses S3
 * Control) must name the same account. https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html
 */
export async function createS3ControlSimulator(options: { credentials?: { accessKeyId: string; secretAccessKey: string } } = {}): Promise<S3ControlSimulator> {
  const credentials = options.credentials ?? { accessKeyId: 'AKIAS3CONTROLSIM0001', secretAccessKey: 's3-control-simulator-secret-access-key' };
  const error = (status: number, code: string, message: string, requestId: string): XmlReply => ({ status, body: xmlErrorResponse({ code, message }, requestId) });
  const simulator: Omit<S3ControlSimulator, keyof LoopbackServer> = { credentials, accountBlocks: new Map(), denied: new Set(), requests: [] };

  const server = await serveSignedXml(
    new Map([[credentials.accessKeyId, credentials.secretAccessKey]]),
    (request, _body, requestId) => {
      if (request.signature.service !== 's3') return error(403, 'SignatureDoesNotMatch', "Credential should be scoped to correct service: 's3'.", requestId);
      const account = String(request.headers['x-amz-account-id'] ?? '');
      const path = new URL(request.url ?? '/', 'http://s3-control.simulator').pathname;
      const operation = request.method === 'GET' && path === PUBLIC_ACCESS_BLOCK_PATH ? 'GetPublicAccessBlock' : `${request.method ?? ''} ${path}`;
      simulator.requests.push(`${operation} ${account}`);
      if (operation !== 'GetPublicAccessBlock') return error(501, 'NotImplemented', `The S3 Control simulator does not implement ${operation}`, requestId);
      if (!/^\d{12}$/.test(account)) return error(400, 'InvalidRequest', 'x-amz-account-id must be a 12-digit account id', requestId);
      const hostAccount = /^(\d{12})\./.exec(String(request.headers.host ?? ''))?.[1];
      if (hostAccount !== undefined && hostAccount !== account) return error(400, 'InvalidRequest', 'The account id in the host does not match x-amz-account-id', requestId);
      if (simulator.denied.has(account)) return error(403, 'AccessDenied', 'Access Denied', requestId);
      const block = simulator.accountBlocks.get(account);
      if (!block) return error(404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', requestId);
      return { status: 200, body: `<?xml version="1.0" encoding="UTF-8"?>\n<PublicAccessBlockConfiguration xmlns="${NAMESPACE}">${xmlElements({ ...block })}</PublicAccessBlockConfiguration>` };
    },
    (failure, requestId) => error(failure.status, failure.code, failure.message, requestId),
  );
  return Object.assign(simulator, server);
}
