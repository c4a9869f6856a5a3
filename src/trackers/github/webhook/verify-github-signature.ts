import { verifyHmacSha256Hex } from '../../webhook/hmac-sha256.js';

const PREFIX = 'sha256=';

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>` with the webhook's secret
 * (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries). The older
 * SHA-1 `X-Hub-Signature` is not accepted.
 */
export function verifyGithubSignature(secret: string, rawBody: Buffer, header: string): boolean {
  const value = header.trim();
  if (!value.startsWith(PREFIX)) return false;
  return verifyHmacSha256Hex(secret, rawBody, value.slice(PREFIX.length));
}
