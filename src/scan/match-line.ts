import type { Confidence } from './scan-types.js';
import type { Detector } from './detectors/detector.js';
import type { Candidate } from './find-candidates.js';
import { findCandidates } from './find-candidates.js';

/** A validated match inside one piece of text, positions in UTF-16 units. Holds the raw value: never emit it. */
export interface LineMatch {
  detector: Detector;
  value: string;
  start: number;
  end: number;
  confidence: Confidence;
}

/**
 * Turns one line's pattern matches into findings: the detector's prefilter must hold on the line (for some
 * detectors it is part of the rule, e.g. the AWS secret key needs `aws` or `secret` on the line), then its
 * validator. Where a weak detector's match overlaps another's, the other wins. Matches come back by start.
 */
export function validateCandidates(text: string, candidates: readonly Candidate[], field?: (index: number) => string | undefined): LineMatch[] {
  let matches: LineMatch[] | undefined;
  let weak = false;
  let checked: Detector | undefined;
  let passes = false;
  for (const { detector, value, start } of candidates) {
    if (detector !== checked) {
      checked = detector;
      passes = detector.prefilter(text);
    }
    if (!passes) continue;
    const verdict = detector.validate(value, { text, index: start, field: field && (() => field(start)) });
    if (!verdict) continue;
    const length = verdict.length ?? value.length;
    (matches ??= []).push({ detector, value: value.slice(0, length), start, end: start + length, confidence: verdict.confidence });
    weak ||= detector.weak === true;
  }
  if (!matches) return [];
  if (weak && matches.length > 1) matches = matches.filter((match) => !match.detector.weak || !matches?.some((other) => other !== match && !other.detector.weak && other.start < match.end && match.start < other.end));
  return matches.sort((a, b) => a.start - b.start);
}

/**
 * Runs every detector over one line (or chunk) of text: prefilter, then the global pattern, then the
 * validator. Where a weak detector's match overlaps another's, the other wins. Matches come back by start.
 */
export function matchLine(text: string, detectors: readonly Detector[], field?: (index: number) => string | undefined): LineMatch[] {
  const [candidates] = findCandidates([text], detectors);
  return candidates ? validateCandidates(text, candidates, field) : [];
}
