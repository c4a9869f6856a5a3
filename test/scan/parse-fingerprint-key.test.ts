import { randomBytes } from 'node:crypto';
import { FingerprintKey } from '../../src/scan/fingerprint.js';
import { FingerprintKeyError, parseFingerprintKey } from '../../src/scan/parse-fingerprint-key.js';

const bytes = randomBytes(32);
const idOf = (raw: Buffer) => new FingerprintKey(raw).id;
const messageOf = (text: string): string => {
  try {
    parseFingerprintKey(text, 'DONEGATE_FINGERPRINT_KEY');
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('parseFingerprintKey', () => {
  it.each([
    ['hex', bytes.toString('hex')],
    ['upper-case hex', bytes.toString('hex').toUpperCase()],
    ['base64', bytes.toString('base64')],
    ['URL-safe base64', bytes.toString('base64url')],
    ['hex followed by a new line (a key file)', `${bytes.toString('hex')}\n`],
  ])('reads %s as the same key', (_how, text) => {
    expect(parseFingerprintKey(text, 'DONEGATE_FINGERPRINT_KEY').id).toBe(idOf(bytes));
  });

  it.each([
    ['fewer than 32 bytes', randomBytes(31).toString('base64'), /DONEGATE_FINGERPRINT_KEY holds 31 bytes, fewer than 32/],
    ['neither hex nor base64', 'correct horse battery staple!', /DONEGATE_FINGERPRINT_KEY is neither hex nor base64/],
    ['nothing but white space', '  \n', /DONEGATE_FINGERPRINT_KEY is neither hex nor base64/],
  ])('refuses %s, naming the variable and never the text', (_what, text, message) => {
    expect(() => parseFingerprintKey(text, 'DONEGATE_FINGERPRINT_KEY')).toThrow(FingerprintKeyError);
    expect(messageOf(text)).toMatch(message);
    expect(messageOf(text)).not.toContain(text.trim() || 'no text to show');
  });

  it('refuses a key shorter than 32 bytes made directly, too', () => {
    expect(() => new FingerprintKey(randomBytes(16))).toThrow(RangeError);
  });
});
