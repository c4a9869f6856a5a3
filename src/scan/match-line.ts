import type { Confidence } from './scan-types.js';
import type { Detector } from './detectors/detector.js';

/** A validated match inside one piece of text, positions in UTF-16 units. Holds the raw value: never emit it. */
export interface LineMatch {
  detector: Detector;
  value: string;
  start: number;
  end: number;
  confidence: Confidence;
}

/**
 * Runs every detector over one line (or chunk) of text: prefilter, then the global pattern, then the
 * validator. Where a weak detector's match overlaps another's, the other wins. Matches come back by start.
 */
export function matchLine(text: string, detectors: readonly Detector[], field?: (index: number) => string | undefined): LineMatch[] {
  let matches: LineMatch[] | undefined;
  let weak = false;
  for (const detector of detectors) {
    if (!detector.prefilter(text)) continue;
    const pattern = detector.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const span = match.indices?.groups?.value;
      const value = span ? text.slice(span[0], span[1]) : match[0];
      const start = span ? span[0] : match.index;
      if (match[0].length === 0) pattern.lastIndex++;
      const verdict = detector.validate(value, { text, index: start, field: field && (() => field(start)) });
      if (!verdict) continue;
      const length = verdict.length ?? value.length;
      (matches ??= []).push({ detector, value: value.slice(0, length), start, end: start + length, confidence: verdict.confidence });
      weak ||= detector.weak === true;
    }
  }
  if (!matches) return [];
  if (weak && matches.length > 1) matches = matches.filter((match) => !match.detector.weak || !matches?.some((other) => other !== match && !other.detector.weak && other.start < match.end && match.start < other.end));
  return matches.sort((a, b) => a.start - b.start);
}
