import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';
import { shannonEntropy } from './shannon-entropy.js';

/** AWS access key ids: `AKIA` (long-term) or `ASIA` (STS) and 16 base32 characters. AWS's documentation key is `low`. */
export const awsAccessKeyId: Detector = {
  id: 'aws-access-key-id',
  kind: 'secret',
  version: 1,
  pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/g,
  markers: ['AKIA', 'ASIA'],
  prefilter: (text) => text.includes('AKIA') || text.includes('ASIA'),
  validate: (candidate) => verdict(candidate.endsWith('EXAMPLE') ? 'low' : 'high'),
  mask: (candidate) => maskToken(candidate),
};

const AWS_SECRET_NAME = /aws.{0,24}secret|secret.?access.?key/i;

/**
 * AWS secret access keys: 40 base64 characters, which alone would match any hash-like value, so only on a
 * line that says `aws` or `secret` and only with mixed case and digits. `high` when the line names the
 * secret access key; AWS's documentation key (`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`) is `low`.
 */
export const awsSecretAccessKey: Detector = {
  id: 'aws-secret-access-key',
  kind: 'secret',
  version: 1,
  pattern: /(?<![A-Za-z0-9/+=])(?<value>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dg,
  prefilter: (text) => /aws|secret/i.test(text),
  validate(candidate, { text }) {
    if (!/[a-z]/.test(candidate) || !/[A-Z]/.test(candidate) || !/\d/.test(candidate)) return undefined;
    if (shannonEntropy(candidate) < 4) return undefined;
    if (candidate.endsWith('EXAMPLEKEY')) return verdict('low');
    return verdict(AWS_SECRET_NAME.test(text) ? 'high' : 'medium');
  },
  mask: (candidate) => maskToken(candidate),
};

/** Google API keys: `AIza` and 35 URL-safe characters. */
export const googleApiKey: Detector = {
  id: 'google-api-key',
  kind: 'secret',
  version: 1,
  pattern: /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/g,
  markers: ['AIza'],
  prefilter: (text) => text.includes('AIza'),
  validate: () => verdict('high'),
  mask: (candidate) => maskToken(candidate),
};
