import type { Detector } from './detector.js';
import { verdict } from './detector.js';

/**
 * Numbers the SSA voids or that were printed in advertising (Woolworth's wallet card 078-05-1120, the
 * Social Security card sample 219-09-9999, and the ubiquitous 123-45-6789 example).
 */
const KNOWN_INVALID = new Set(['078051120', '219099999', '123456789', '111111111', '333333333']);
const SSN_WORD = /(?:ssn|social.?security|ss#)/i;

// `+33 123 45 6789`: the groups after a country code are a phone number's.
const AFTER_COUNTRY_CODE = /(?:\+|\b00)\d{1,3}[ .-]?$/;

/**
 * US Social Security numbers: area 001–899 except 666, group 01–99, serial 0001–9999, grouped 3-2-4 with one
 * separator throughout (dash, space, dot or slash) or none. Dashed values are `high`; other separators `medium`; a bare nine-digit run is far more often an id, so it counts only next to an
 * SSN word or in an SSN column, as `medium`.
 */
export const usSsn: Detector = {
  id: 'us-ssn',
  kind: 'pii',
  version: 2,
  pattern: /(?<![\w-]|\d[./])\d{3}([- ./]?)\d{2}\1\d{4}(?!\w|[-./]\d)/g,
  // Counted repeats written out (`\d\d\d\d`, not `\d{4}`): V8 runs the written-out form 2–5× faster on digit-heavy text.
  anchor: /\d\d\d([- ./]?)\d\d\1\d\d\d\d/g,
  prefilter: (text) => /\d\d\d[- ./]?\d\d/.test(text),
  validate(candidate, { text, index, field }) {
    const digits = candidate.replace(/\D/g, '');
    const area = Number(digits.slice(0, 3));
    if (area === 0 || area === 666 || area >= 900) return undefined;
    if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000' || KNOWN_INVALID.has(digits)) return undefined;
    const nearby = text.slice(Math.max(0, index - 40), index);
    if (AFTER_COUNTRY_CODE.test(nearby)) return undefined;
    if (candidate.includes('-')) return verdict('high');
    if (digits.length < candidate.length) return verdict('medium');
    return SSN_WORD.test(nearby) || SSN_WORD.test(field?.() ?? '') ? verdict('medium') : undefined;
  },
  mask: (candidate) => `***-**-${candidate.slice(-4)}`,
};
