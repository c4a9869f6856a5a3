import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskAfter } from './mask.js';

// Values of characters in odd (1st, 3rd, …) positions, digits and letters alike (Decreto 23/12/1976).
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

const value = (char: string): number => {
  const code = char.charCodeAt(0);
  return code >= 65 ? code - 65 : code - 48;
};

/**
 * Italian codice fiscale (`RSSMRA85T10A562S`): on every Italian contract, invoice and health record; the
 * check letter rejects 25 of 26 random look-alikes, and the letter/digit layout is already distinctive.
 * Omocodia (digits replaced by L–V) is accepted.
 */
export const itCodiceFiscale: Detector = {
  id: 'it-codice-fiscale',
  kind: 'pii',
  version: 2,
  // Upper case as printed, or wholly lower case as typed into forms; mixed case is something else.
  pattern:
    /(?<![\w])(?:[A-Z]{6}[\dLMNP-V]{2}[A-EHLMPR-T][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]|[a-z]{6}[\dlmnp-v]{2}[a-ehlmpr-t][\dlmnp-v]{2}[a-z][\dlmnp-v]{3}[a-z])(?![\w])/g,
  // A lower-case code is looked for by its birth date (`85t10`: year digit, month letter, day), or every line of
  // prose would pass.
  prefilter: (text) => /[A-Z]{6}/.test(text) || /\d[a-ehlmpr-t]\d\d[a-z]/.test(text),
  validate(found) {
    const candidate = found.toUpperCase();
    let sum = 0;
    for (let i = 0; i < 15; i++) {
      const index = value(candidate.charAt(i));
      sum += i % 2 === 0 ? (ODD[index] ?? 0) : index;
    }
    return String.fromCharCode(65 + (sum % 26)) === candidate.charAt(15) ? verdict('high') : undefined;
  },
  mask: (candidate) => maskAfter(candidate.toUpperCase(), 3),
};
