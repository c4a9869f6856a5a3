import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** Hex HMAC-SHA256 of `rawBody`: what Jira (after `sha256=`) and Linear send as the signature. */
export function hmacSha256Hex(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * Constant-time check of a hex HMAC-SHA256 over the raw bytes, before anything parses them (svix, octokit).
 * Malformed hex is simply "not valid": `timingSafeEqual` throws on unequal lengths, so lengths are checked first.
 */
export function verifyHmacSha256Hex(secret: string, rawBody: Buffer, signatureHex: string): boolean {
  if (!HEX_SHA256.test(signatureHex)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signatureHex, 'hex');
  return given.length === expected.length && timingSafeEqual(expected, given);
}
