import type { Confidence, DetectorKind } from '../scan-types.js';

/** What a detector sees around a candidate: the text it came from and, in a CSV, the column's name. */
export interface DetectorContext {
  text: string;
  /** Index (UTF-16 units) of the candidate in `text`. */
  index: number;
  /** The CSV/TSV column name the candidate sits in, when known; computed on demand. */
  field?: (() => string | undefined) | undefined;
}

export interface Verdict {
  confidence: Confidence;
  /** When the real value is a prefix of the candidate (e.g. an IBAN followed by a 4-letter word), its length. */
  length?: number;
}

/**
 * One validating detector. The scanner runs `prefilter` on a line first (a substring or tiny regex test),
 * then `pattern` (global; the match, or its `value` named group with the `d` flag, is the candidate), then
 * `validate`; only a validated candidate becomes a finding, and only `mask(candidate)` leaves the scanner.
 */
export interface Detector {
  readonly id: string;
  readonly kind: DetectorKind;
  /** Bumped whenever `validate` changes meaning, so the rules hash changes with it. */
  readonly version: number;
  readonly pattern: RegExp;
  /** Settings that change what the detector accepts (e.g. `country=GB`), so they count in the rules hash. */
  readonly variant?: string;
  /** A weak detector's finding is dropped when it overlaps another detector's finding on the same line. */
  readonly weak?: boolean;
  /**
   * Optional speed-up for batches of lines: a global regex, cheaper than `pattern`, that matches somewhere in
   * every line where `pattern` can produce a finding. Only lines it matches are searched with `pattern`.
   */
  readonly anchor?: RegExp;
  /**
   * Optional speed-up for batches of rare detectors: literal strings one of which is in every text `prefilter`
   * accepts. One search for all detectors' markers per batch replaces a substring test per detector.
   */
  readonly markers?: readonly string[];
  prefilter(text: string): boolean;
  validate(candidate: string, context: DetectorContext): Verdict | undefined;
  mask(candidate: string): string;
}

export const verdict = (confidence: Confidence): Verdict => ({ confidence });
