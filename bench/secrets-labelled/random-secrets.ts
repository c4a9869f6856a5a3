import { crc32 } from 'node:zlib';
import { seededRandom } from '../scan-generate.js';

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const HEX = '0123456789abcdef';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const BASE64 = `${ALNUM}+/`;
export const BASE64URL = `${ALNUM}-_`;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random strings over an alphabet, and tokens with the checksums their vendors put in them. */
export interface SecretShapes {
  chars(alphabet: string, length: number): string;
  pick<T>(items: readonly T[]): T;
  /** `prefix` + 30 base62 characters + their CRC32 in 6 base62 digits: GitHub's and npm's token layout. */
  checksummed(prefix: string): string;
  /** A signed-looking JWT: base64url JSON header and payload, random signature. */
  jwt(): string;
}

export function base62Crc32(body: string): string {
  let value = crc32(body);
  let digits = '';
  for (let index = 0; index < 6; index++, value = Math.floor(value / 62)) digits = BASE62[value % 62] + digits;
  return digits;
}

export function createSecretShapes(seed: number): SecretShapes {
  const random = seededRandom(seed);
  const chars = (alphabet: string, length: number): string => {
    let out = '';
    for (let index = 0; index < length; index++) out += alphabet[Math.floor(random() * alphabet.length)];
    return out;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    chars,
    pick,
    checksummed(prefix) {
      const body = chars(ALNUM, 30);
      return `${prefix}${body}${base62Crc32(body)}`;
    },
    jwt() {
      const header = b64url({ alg: pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' });
      const payload = b64url({ sub: chars(HEX, 12), iat: 1_700_000_000 + Math.floor(random() * 1e7), scope: pick(['read', 'admin', 'ci']) });
      return `${header}.${payload}.${chars(BASE64URL, 43)}`;
    },
  };
}
