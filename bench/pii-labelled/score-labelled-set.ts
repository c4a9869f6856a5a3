import type { Detector } from '../../src/scan/index.js';
import type { AccuracyReport } from '../scan-accuracy.js';
import { scoreSamples } from '../scan-accuracy.js';
import { buildLabelledSet } from './build-set.js';

/** The types the labelled set has and the targets apply to (≥ 0.98 precision and recall each). */
export const PII_TYPES = ['EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'IBAN_CODE', 'IP_ADDRESS', 'US_SSN', 'UK_NINO', 'ES_NIF', 'FR_NIR', 'IT_FISCAL_CODE'] as const;
export const PII_TARGET = 0.98;

/** Scores `detectors` on the labelled set. Every label is valid by construction: the generators compute check digits. */
export const scoreLabelledSet = (detectors: readonly Detector[]): AccuracyReport =>
  scoreSamples('bench/pii-labelled', ['build-set.ts', 'hand-written.ts'], buildLabelledSet(), detectors, () => ({ valid: true }));
