import type { Confidence } from '../scan-types.js';
import type { Detector } from './detector.js';
import { verdict } from './detector.js';

/** Issuer prefixes and lengths (ISO/IEC 7812 ranges as the networks publish them). */
const ISSUERS: Array<{ name: string; prefix: RegExp; lengths: number[]; confidence?: Confidence }> = [
  { name: 'amex', prefix: /^3[47]/, lengths: [15] },
  { name: 'diners', prefix: /^(?:30[0-5]|309|36|3[89])/, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'jcb', prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  // JCB's older 15-digit cards (IIN 2131 and 1800) are still in circulation and in card-number generators.
  { name: 'jcb-15', prefix: /^(?:2131|1800)/, lengths: [15] },
  { name: 'visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'mastercard', prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] },
  { name: 'maestro', prefix: /^(?:50(?:18|20|38)|5893|6304|67(?:59|6[1-3])|0604)/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  // Mastercard's whole Maestro range (BINs 50, 56–58 and 6 not claimed above): 12-digit Maestro cards start 56–58.
  // Wider than the named prefixes, so a match here is only `medium`.
  { name: 'maestro-range', prefix: /^5[6-8]/, lengths: [12, 13, 14, 15, 16, 17, 18, 19], confidence: 'medium' },
  { name: 'discover', prefix: /^(?:6011|64[4-9]|65|622(?:12[6-9]|1[3-9]\d|[2-8]\d\d|9[01]\d|92[0-5]))/, lengths: [16, 17, 18, 19] },
  { name: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19] },
];

/**
 * Test numbers the networks and processors publish (Stripe, Adyen, Braintree docs). They are Luhn-valid
 * and appear in every payments codebase; they are reported, so a dataset full of them is still visible,
 * but with confidence `low`.
 */
const TEST_NUMBERS = new Set([
  '4242424242424242', '4000056655665556', '4111111111111111', '4012888888881881', '4222222222222',
  '5555555555554444', '5200828282828210', '5105105105105100', '2223003122003222', '2223000048400011',
  '378282246310005', '371449635398431', '378734493671000', '6011111111111117', '6011000990139424',
  '3056930009020004', '36227206271667', '30569309025904', '38520000023237', '3566002020360505',
  '3530111333300000', '6200000000000005', '6759649826438453', '5019717010103742',
]);

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let digit = digits.charCodeAt(i) - 48;
    if (double && (digit *= 2) > 9) digit -= 9;
    sum += digit;
  }
  return sum % 10 === 0;
}

export const paymentCard: Detector = {
  id: 'payment-card',
  kind: 'pii',
  version: 2,
  pattern: /(?<![\w.-])\d(?:[ -]?\d){11,18}(?![\w]|[.-]\d)/g,
  // Counted repeats written out (`\d\d\d\d`, not `\d{4}`): V8 runs the written-out form 2–5× faster on digit-heavy text.
  anchor: /\d\d\d\d[ -]?\d\d\d\d/g,
  prefilter: (text) => /\d\d\d\d[ -]?\d\d\d\d/.test(text),
  validate(candidate) {
    const separators = candidate.match(/[ -]/g);
    if (separators && new Set(separators).size > 1) return undefined;
    if (separators && candidate.split(/[ -]/).some((group) => group.length < 3 || group.length > 6)) return undefined;
    const digits = candidate.replace(/\D/g, '');
    if (/^(\d)\1+$/.test(digits) || !luhnValid(digits)) return undefined;
    const issuer = ISSUERS.find(({ prefix, lengths }) => prefix.test(digits) && lengths.includes(digits.length));
    if (issuer === undefined) return undefined;
    return verdict(TEST_NUMBERS.has(digits) ? 'low' : (issuer.confidence ?? 'high'));
  },
  mask(candidate) {
    const digits = candidate.replace(/\D/g, '');
    return `${'**** '.repeat(Math.ceil((digits.length - 4) / 4))}${digits.slice(-4)}`;
  },
};
