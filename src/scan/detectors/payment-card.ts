import type { Confidence } from '../scan-types.js';
import type { Detector } from './detector.js';
import { createRequire } from 'node:module';
import type creditCardTypes from 'credit-card-type';
import { verdict } from './detector.js';

/**
 * Cards the brand table below lacks, still issued or in use: Visa's 13-digit cards, JCB's older 15-digit
 * ones (IIN 2131 and 1800) and Maestro UK's 0604 range (formerly Switch).
 */
const LEGACY_ISSUERS: ReadonlyArray<{ prefix: RegExp; lengths: readonly number[] }> = [
  { prefix: /^4/, lengths: [13] },
  { prefix: /^(?:2131|1800)/, lengths: [15] },
  { prefix: /^0604/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

/**
 * The issuer of a Luhn-valid number by its IIN and length, from Braintree's `credit-card-type` (the IIN
 * ranges and lengths of every brand it tracks: Visa, Mastercard, Amex, Diners, Discover, JCB, UnionPay,
 * Maestro, Mir, Elo, Hiper, Hipercard, Troy, Verve, Naranja), or `undefined`. Maestro's catch-all ranges
 * (a bare `6`, `56`–`59`, `63`, `67`) are wide, so a match only there is `medium`.
 */
let brands: typeof creditCardTypes | undefined;

function issuerConfidence(digits: string): Confidence | undefined {
  // Required on the first Luhn-valid candidate, not imported: `donegate scan` starts without the brand table.
  const creditCardType = (brands ??= createRequire(import.meta.url)('credit-card-type') as typeof creditCardTypes);
  let confidence: Confidence | undefined;
  for (const type of creditCardType(digits)) {
    if (!type.lengths.includes(digits.length)) continue;
    if (type.type !== 'maestro' || (type.matchStrength ?? 0) > 2) return 'high';
    confidence = 'medium';
  }
  if (confidence === undefined && LEGACY_ISSUERS.some(({ prefix, lengths }) => lengths.includes(digits.length) && prefix.test(digits))) return 'high';
  return confidence;
}

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

/**
 * Whether a grouped candidate is only part of a longer run of groups with the same separator: the digits
 * after an IBAN's `DE89 ` (`DE89 3704 0044 0532 0130 00`), or a reference number's tail.
 */
function inLongerRun(candidate: string, separator: string, text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 8), index);
  const after = text.slice(index + candidate.length, index + candidate.length + 2);
  return (before.endsWith(separator) && GROUP_BEFORE.test(before.slice(0, -1))) || (after.startsWith(separator) && /\d/.test(after.charAt(1)));
}
// A group with a digit in it (`DE89`, `0130`) ends the text before the candidate: `Visa 4539 …` is not a run.
const GROUP_BEFORE = /(?:^|[^\w])(?=[A-Za-z]*\d)[A-Za-z0-9]{2,6}$/;

/**
 * How cards are printed: fours (a shorter or five-digit last group for 13 to 19 digits), Amex 4-6-5, Diners
 * 4-6-4, old 13-digit Visa 4-3-3-3. `68445 83260 40216` or `6324 87056 70577` is another number.
 */
const PRINTED_GROUPS = /^\d{4}(?: \d{4})*(?: \d{1,5})?$|^\d{4} \d{6} \d{4,5}$|^\d{4} \d{3} \d{3} \d{3}$/;

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
  version: 3,
  // Grouped with one separator throughout (space, dash, dot or slash) or compact; 12 to 19 digits.
  pattern: /(?<![\w./-])\d(?:[ ./-]?\d){11,18}(?![\w]|[./-]\d)/g,
  // Counted repeats written out (`\d\d\d\d`, not `\d{4}`): V8 runs the written-out form 2–5× faster on digit-heavy text.
  anchor: /\d\d\d\d[ ./-]?\d\d\d\d/g,
  prefilter: (text) => /\d\d\d\d[ ./-]?\d\d\d\d/.test(text),
  validate(candidate, { text, index }) {
    const separators = candidate.match(/[ ./-]/g);
    if (separators && new Set(separators).size > 1) return undefined;
    if (separators && !PRINTED_GROUPS.test(candidate.replace(/[./-]/g, ' '))) return undefined;
    if (separators && inLongerRun(candidate, separators[0] ?? ' ', text, index)) return undefined;
    const digits = candidate.replace(/\D/g, '');
    if (/^(\d)\1+$/.test(digits) || !luhnValid(digits)) return undefined;
    const confidence = issuerConfidence(digits);
    if (confidence === undefined) return undefined;
    return verdict(TEST_NUMBERS.has(digits) ? 'low' : confidence);
  },
  mask(candidate) {
    const digits = candidate.replace(/\D/g, '');
    return `${'**** '.repeat(Math.ceil((digits.length - 4) / 4))}${digits.slice(-4)}`;
  },
};
