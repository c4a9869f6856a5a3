import { FingerprintKey, MIN_FINGERPRINT_KEY_BYTES } from './fingerprint.js';

/** A fingerprint key given as text (an env variable, a key file) is not one. The message never holds the text. */
export class FingerprintKeyError extends Error {
  override readonly name = 'FingerprintKeyError';
}

const HEX = /^(?:[0-9a-f]{2})+$/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * A key written as hex or base64 (standard or URL-safe), at least 32 bytes once decoded, surrounding
 * white space ignored: `openssl rand -hex 32` and `openssl rand -base64 32` both make one. Text that is
 * valid hex is read as hex. `name` says where the text came from, for the error.
 *
 * @example
 * const key = parseFingerprintKey(env.DONEGATE_FINGERPRINT_KEY, 'DONEGATE_FINGERPRINT_KEY');
 */
export function parseFingerprintKey(text: string, name: string): FingerprintKey {
  const trimmed = text.trim();
  const how = `write ${MIN_FINGERPRINT_KEY_BYTES} or more random bytes as hex or base64, e.g. \`openssl rand -base64 ${MIN_FINGERPRINT_KEY_BYTES}\``;
  let bytes: Buffer;
  if (HEX.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (BASE64.test(trimmed)) bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  else throw new FingerprintKeyError(`${name} is neither hex nor base64: ${how}`);
  if (bytes.length < MIN_FINGERPRINT_KEY_BYTES) throw new FingerprintKeyError(`${name} holds ${bytes.length} bytes, fewer than ${MIN_FINGERPRINT_KEY_BYTES}: ${how}`);
  return new FingerprintKey(bytes);
}
