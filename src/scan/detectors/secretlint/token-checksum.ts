import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Whether a GitHub-layout token (`ghp_`, `npm_`: prefix, 30 random base62 characters, then their CRC32 in 6 base62
 * digits) carries a right checksum. A typo'd, truncated or invented look-alike fails; GitHub's own scanning relies
 * on the same check (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/).
 */
export function hasTokenChecksum(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength, token.length - 6);
  let value = crc32(body);
  let digits = '';
  for (let index = 0; index < 6; index++, value = Math.floor(value / 62)) digits = BASE62[value % 62] + digits;
  return token.endsWith(digits);
}
