import { createHash } from 'node:crypto';
import { generateToken, hashToken, looksLikeToken, tokenPrefix } from '../../src/auth/token-secret.js';

describe('token secrets', () => {
  it('generates dg_ followed by 32 random bytes in base64url', () => {
    const token = generateToken();
    expect(token).toMatch(/^dg_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), 'base64url')).toHaveLength(32);
    expect(looksLikeToken(token)).toBe(true);
  });

  it('never generates the same token twice in a thousand', () => {
    expect(new Set(Array.from({ length: 1000 }, generateToken)).size).toBe(1000);
  });

  it('hashes to the sha256 hex of the token', () => {
    const token = generateToken();
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('identifies a token by its first 8 characters', () => {
    expect(tokenPrefix('dg_abcdefghijk')).toBe('dg_abcde');
  });

  it.each(['', 'dg_short', `xx_${'a'.repeat(43)}`, `dg_${'a'.repeat(42)}!`, `dg_${'a'.repeat(44)}`])('does not take %p for a token', (text) => {
    expect(looksLikeToken(text)).toBe(false);
  });
});
