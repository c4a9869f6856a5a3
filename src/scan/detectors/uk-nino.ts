import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskAfter } from './mask.js';

// HMRC: prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued; the pattern already excludes D, F, I, Q, U, V
// as first letter and D, F, I, O, Q, U, V as second.
const UNISSUED_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/**
 * UK National Insurance number (`AB 12 34 56 C`): chosen because UK HR, payroll and customer datasets carry
 * it more than any other UK identifier. It has no checksum, but the prefix rules and the A–D suffix make the
 * two-letters-six-digits-letter shape distinctive enough for `high`.
 */
export const ukNino: Detector = {
  id: 'uk-nino',
  kind: 'pii',
  version: 2,
  // With spaces anywhere between pairs (`AB 12 34 56 C`, `AB 123456 C`, `AB123456C`), or in pairs with one other
  // separator throughout (`AB-12-34-56-C`, `AB.12.34.56.C`, `AB/12/34/56/C`).
  pattern: /(?<![\w])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z](?: ?\d{2} ?\d{2} ?\d{2} ?|([./-])\d{2}\1\d{2}\1\d{2}\1)[A-D](?![\w])/g,
  prefilter: (text) => /[A-Z][A-Z][ ./-]?\d\d/.test(text),
  validate: (candidate) => (UNISSUED_PREFIX.has(candidate.slice(0, 2)) ? undefined : verdict('high')),
  mask: (candidate) => maskAfter(candidate.replace(/[ ./-]/g, ''), 2),
};
