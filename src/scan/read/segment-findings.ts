import { inlineAllowOf } from '../allow/inline-allow.js';
import type { FingerprintKey } from '../fingerprint.js';
import { findingFingerprint } from '../fingerprint.js';
import type { LineMatch } from '../match-line.js';
import type { ScanFinding } from '../scan-types.js';
import { codePointLength, type TextSegment } from './read-segments.js';

/** Turns a segment's matches into findings with 1-based code-point columns, counting each prefix once. */
export function* findingsOf(segment: TextSegment, matches: LineMatch[], file: string, key: FingerprintKey, location?: (index: number) => string | undefined): Generator<ScanFinding> {
  const astral = /[\uD800-\uDFFF]/.test(segment.text);
  let countedTo = 0;
  let counted = 0;
  const columnAt = (index: number): number => {
    if (!astral) return segment.column + index + 1;
    if (index < countedTo) {
      countedTo = 0;
      counted = 0;
    }
    counted += codePointLength(segment.text.slice(countedTo, index));
    countedTo = index;
    return segment.column + counted + 1;
  };
  const allow = inlineAllowOf(segment.text, matches);
  for (const match of matches) {
    if (match.start < segment.reportFrom || match.start >= segment.reportTo) continue;
    const where = location?.(match.start);
    yield {
      file,
      line: segment.line,
      column: columnAt(match.start),
      endColumn: columnAt(match.end),
      detector: match.detector.id,
      kind: match.detector.kind,
      masked: match.detector.mask(match.value),
      confidence: match.confidence,
      fingerprint: findingFingerprint(key, match.detector.id, file, match.value),
      ...(where !== undefined ? { location: where } : {}),
      ...(allow ? { allow } : {}),
    };
  }
}
