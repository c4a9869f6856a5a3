import type { Detector } from './detector.js';
import { verdict } from './detector.js';

/**
 * PEM and OpenSSH private key blocks, found by their BEGIN line. When the key body follows on the same
 * line (a key pasted into JSON or `.env` with `\n` escapes) its first characters are part of the value, so
 * two keys in one file get different fingerprints; the mask shows only the (public) header.
 */
export const privateKey: Detector = {
  id: 'private-key',
  kind: 'secret',
  version: 2,
  // The blanks before the body are bounded: a longer run leaves the body out of the value, never the finding.
  pattern: /-----BEGIN (?:(?:RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----(?:(?:\\r|\\n|\s){1,64}[A-Za-z0-9+/=]{1,64})?/g,
  markers: ['-----BEGIN'],
  prefilter: (text) => text.includes('-----BEGIN'),
  // Not a key: a short word after the header (`the -----BEGIN PRIVATE KEY----- block` in prose), or a placeholder
  // after it (`…-----\\n<your key here>`, `…-----\\n...`). A key's body follows on the next line or, escaped, in
  // 64-character lines.
  validate(candidate, { text, index }) {
    const header = candidate.indexOf('-----', 5) + 5;
    const body = candidate.slice(header).replace(/\\[rn]|\s/g, '');
    if (body !== '' && body.length < 16) return undefined;
    if (body === '' && /^(?:\\[rn]|\s){0,8}[<.${*A-Za-z]/.test(text.slice(index + candidate.length, index + candidate.length + 24))) return undefined;
    return verdict('high');
  },
  mask: (candidate) => `${candidate.slice(0, candidate.indexOf('-----', 5) + 5)} ****`,
};
