import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';

/**
 * Anthropic API and admin keys: `sk-ant-api03-…`, `sk-ant-admin01-…`. Kept beside secretlint's preset, whose
 * anthropic rule misses admin keys (18 of 24 in bench:secrets).
 */
export const anthropicKey: Detector = {
  id: 'anthropic-key',
  kind: 'secret',
  version: 2,
  pattern: /(?<![\w-])sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_-]{32,}(?![\w-])/g,
  markers: ['sk-ant-'],
  prefilter: (text) => text.includes('sk-ant-'),
  validate: (candidate) => (/(.)\1{7}/.test(candidate) ? undefined : verdict('high')),
  mask: (candidate) => maskToken(candidate, 7, 4),
};
