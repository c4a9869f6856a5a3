import { verifyHmacSha256Hex } from '../../webhook/hmac-sha256.js';

/**
 * Jira admin webhooks saved with a secret send `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>`
 * (WebSub's `method=signature` form). https://developer.atlassian.com/cloud/jira/platform/webhooks/#secure-admin-webhooks
 */
export function verifyJiraSignature(secret: string, rawBody: Buffer, header: string): boolean {
  const separator = header.indexOf('=');
  if (separator < 0 || header.slice(0, separator).toLowerCase() !== 'sha256') return false;
  return verifyHmacSha256Hex(secret, rawBody, header.slice(separator + 1).trim());
}
