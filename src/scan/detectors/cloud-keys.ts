import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';
import { shannonEntropy } from './shannon-entropy.js';

/**
 * AWS access key ids: `AKIA` (long-term) or `ASIA` (STS) and 16 base32 characters. AWS's documentation key is `low`;
 * a run of one character (`AKIAXXXXXXXXXXXXXXXX`) is a placeholder. Kept beside secretlint's aws rule, which also
 * reports ids that are not credentials (`AIDA` users, `AROA` roles) and finds the secret key only under its exact name.
 */
export const awsAccessKeyId: Detector = {
  id: 'aws-access-key-id',
  kind: 'secret',
  version: 2,
  pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/g,
  markers: ['AKIA', 'ASIA'],
  prefilter: (text) => text.includes('AKIA') || text.includes('ASIA'),
  validate: (candidate) => (/(.)\1{7}/.test(candidate) ? undefined : verdict(candidate.endsWith('EXAMPLE') ? 'low' : 'high')),
  mask: (candidate) => maskToken(candidate),
};

const AWS_SECRET_NAME = /aws.{0,24}secret|secret.?access.?key/i;

/** `word` (lower-case ASCII letters) at `at` in `text`, in any case, as a case-insensitive regex compares it. */
function wordAt(text: string, word: string, at: number): boolean {
  if (at < 0 || at + word.length > text.length) return false;
  for (let index = 0; index < word.length; index++) if ((text.charCodeAt(at + index) | 0x20) !== word.charCodeAt(index)) return false;
  return true;
}

/**
 * `/aws|secret/i.test(text)`, but looking only where a `w` or a `c` is: a regex run over a whole batch that
 * holds neither word costs far more than two `indexOf` scans.
 */
function namesAwsOrSecret(text: string): boolean {
  for (const [probe, word, offset] of [['w', 'aws', 1], ['W', 'aws', 1], ['c', 'secret', 2], ['C', 'secret', 2]] as const) {
    for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, at + 1)) if (wordAt(text, word, at - offset)) return true;
  }
  return false;
}

/**
 * AWS secret access keys: 40 base64 characters, which alone would match any hash-like value, so only on a
 * line that says `aws` or `secret` and only with mixed case and digits. `high` when the line names the
 * secret access key; AWS's documentation key (`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`) is `low`.
 */
export const awsSecretAccessKey: Detector = {
  id: 'aws-secret-access-key',
  kind: 'secret',
  version: 2,
  // An `=` may come right before the key (`AWS_SECRET_ACCESS_KEY=…` in a .env file) but not after it: after
  // 40 base64 characters, `=` is padding, so the value is a longer base64 string.
  pattern: /(?<![A-Za-z0-9/+])(?<value>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dg,
  prefilter: namesAwsOrSecret,
  validate(candidate, { text }) {
    if (!/[a-z]/.test(candidate) || !/[A-Z]/.test(candidate) || !/\d/.test(candidate)) return undefined;
    if (shannonEntropy(candidate) < 4) return undefined;
    if (candidate.endsWith('EXAMPLEKEY')) return verdict('low');
    return verdict(AWS_SECRET_NAME.test(text) ? 'high' : 'medium');
  },
  mask: (candidate) => maskToken(candidate),
};

/**
 * Google API keys: `AIza` and 35 URL-safe characters; a run of one character is a placeholder. secretlint's preset
 * has no rule for them (its gcp rule reads service account files).
 */
export const googleApiKey: Detector = {
  id: 'google-api-key',
  kind: 'secret',
  version: 2,
  pattern: /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/g,
  markers: ['AIza'],
  prefilter: (text) => text.includes('AIza'),
  validate: (candidate) => (/(.)\1{7}/.test(candidate) ? undefined : verdict('high')),
  mask: (candidate) => maskToken(candidate),
};
