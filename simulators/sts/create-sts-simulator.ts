import type { LoopbackServer } from '../listen-on-loopback.js';
import { xmlErrorResponse } from '../aws-error-response.js';
import { xmlElements } from '../s3/s3-xml.js';
import { SIM_ACCOUNT } from '../sim-account.js';
import { serveSignedXml, type XmlReply } from '../signed-xml-server.js';

export const SIM_STS_ACCOUNT = SIM_ACCOUNT;
const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export interface StsSimulator extends LoopbackServer {
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The account GetCallerIdentity names for the credentials. */
  account: string;
  /** Refuse GetCallerIdentity with AccessDenied, as an STS VPC endpoint policy that does not allow it does. */
  deny: boolean;
  /** Every signed request that arrived, in order: `GetCallerIdentity`. */
  requests: string[];
}

/**
 * An STS-compatible server for the tests: the AWS Query protocol (POST / with a form body
 * `Action=GetCallerIdentity&Version=2011-06-15`), SigV4-verified, answering GetCallerIdentity as AWS
 * documents it. https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
export async function createStsSimulator(options: { credentials?: { accessKeyId: string; secretAccessKey: string }; account?: string } = {}): Promise<StsSimulator> {
  const credentials = options.credentials ?? { accessKeyId: 'AKIASTSSIMULATOR0001', secretAccessKey: 'sts-simulator-secret-access-key' };
  const error = (status: number, code: string, message: string, requestId: string): XmlReply => ({
    status,
    body: xmlErrorResponse({ type: 'Sender', code, message }, requestId, NAMESPACE),
  });
  const simulator: Omit<StsSimulator, keyof LoopbackServer> = { credentials, account: options.account ?? SIM_STS_ACCOUNT, deny: false, requests: [] };

  const server = await serveSignedXml(
    new Map([[credentials.accessKeyId, credentials.secretAccessKey]]),
    (request, body, requestId) => {
      if (request.signature.service !== 'sts') return error(403, 'SignatureDoesNotMatch', "Credential should be scoped to correct service: 'sts'.", requestId);
      const form = new URLSearchParams(body.toString('utf8'));
      const action = form.get('Action') ?? '';
      simulator.requests.push(action);
      if (request.method !== 'POST' || request.headers['content-type'] !== 'application/x-www-form-urlencoded') return error(400, 'InvalidAction', 'Could not find operation', requestId);
      if (form.get('Version') !== '2011-06-15') return error(400, 'InvalidAction', 'Could not find operation for the Version given', requestId);
      if (action !== 'GetCallerIdentity') return error(400, 'InvalidAction', `The STS simulator does not implement ${action}`, requestId);
      const arn = `arn:aws:iam::${simulator.account}:user/donegate`;
      if (simulator.deny) {
        return error(403, 'AccessDenied', `User: ${arn} is not authorized to perform: sts:GetCallerIdentity because no VPC endpoint policy allows the sts:GetCallerIdentity action`, requestId);
      }
      const result = { GetCallerIdentityResult: { Arn: arn, UserId: 'AIDASTSSIMULATOR00001', Account: simulator.account }, ResponseMetadata: { RequestId: requestId } };
      return { status: 200, body: `<GetCallerIdentityResponse xmlns="${NAMESPACE}">${xmlElements(result)}</GetCallerIdentityResponse>` };
    },
    (failure, requestId) => error(failure.status === 400 ? 400 : 403, failure.code === 'InvalidAccessKeyId' ? 'InvalidClientTokenId' : failure.code, failure.message, requestId),
  );
  return Object.assign(simulator, server);
}
