import type { Detector } from '../detectors/detector.js';
import { findingFingerprint, type FingerprintKey } from '../fingerprint.js';
import type { ColumnMatch } from './column-findings.js';
import { codePointLength } from './read-segments.js';

/** Most characters of an unmatched value kept for its masked sample. */
const SAMPLE = 64;

/** Values that say "no value" rather than hold one. */
const EMPTY = /^(?:|null|none|nan|n\/a|na|-|unknown)$/i;

export const isEmptyValue = (text: string): boolean => text.length <= SAMPLE && EMPTY.test(text.trim());

export interface NamedValue {
  file: string;
  key: FingerprintKey;
  /** The column's path, as in the finding's location. */
  path: string;
  row: number;
  line: number;
  /** 1-based code-point column of the value on its line. */
  column: number;
  text: string;
}

/**
 * A value that no detector matched in a column whose name says PII, as a match of the `pii-column-name`
 * detector (`byName`) at medium confidence: only its first characters are kept, for the masked sample.
 */
export function namedColumnMatch(byName: Detector, value: NamedValue): ColumnMatch {
  const sample = value.text.trim().slice(0, SAMPLE);
  return {
    detector: byName,
    confidence: 'medium',
    row: value.row,
    single: () => ({
      file: value.file,
      line: value.line,
      column: value.column,
      endColumn: value.column + codePointLength(sample),
      detector: byName.id,
      kind: byName.kind,
      masked: byName.mask(sample),
      confidence: 'medium',
      fingerprint: findingFingerprint(value.key, byName.id, value.file, sample),
      location: `row ${value.row} column ${value.path}`,
    }),
  };
}
