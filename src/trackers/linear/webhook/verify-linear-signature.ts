import { verifyHmacSha256Hex } from '../../webhook/hmac-sha256.js';

/** `Linear-Signature: <hex HMAC-SHA256 of the raw body>` with the webhook's signing secret. */
export function verifyLinearSignature(secret: string, rawBody: Buffer, header: string): boolean {
  return verifyHmacSha256Hex(secret, rawBody, header.trim());
}
