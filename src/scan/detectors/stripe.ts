import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';

/** Stripe secret and restricted keys. Live keys are `high`; test-mode keys move no money, so `low`. */
export const stripeKey: Detector = {
  id: 'stripe-key',
  kind: 'secret',
  version: 1,
  pattern: /(?<![\w])[sr]k_(?:live|test)_[0-9A-Za-z]{24,}(?![\w])/g,
  markers: ['k_live_', 'k_test_'],
  prefilter: (text) => text.includes('k_live_') || text.includes('k_test_'),
  validate: (candidate) => verdict(candidate.includes('_live_') ? 'high' : 'low'),
  mask: (candidate) => maskToken(candidate),
};
