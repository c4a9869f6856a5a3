import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'dg_';
/** `dg_` then 32 random bytes in base64url (43 characters, no padding). */
const TOKEN_SHAPE = /^dg_[A-Za-z0-9_-]{43}$/;
/** Enough to tell tokens apart in a listing or a log line, far too little to guess the rest. */
export const TOKEN_PREFIX_LENGTH = 8;

/**
 * A new API token. The `dg_` prefix lets secret scanners (and people) recognise a leaked donegate token.
 * @example generateToken() // 'dg_3q2-7wAbc…' (46 characters)
 */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * What the database keeps instead of the token. A plain sha256 is enough here (no salt, no slow hash):
 * the token carries 256 random bits, so there is nothing to brute-force, and a fixed hash lets the
 * lookup use a unique index.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The first 8 characters, shown in listings and logs to identify a token without revealing it. */
export function tokenPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX_LENGTH);
}

/** True when the text has the shape of a donegate token; anything else is refused before the database. */
export function looksLikeToken(text: string): boolean {
  return TOKEN_SHAPE.test(text);
}
