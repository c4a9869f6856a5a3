import type { Detector } from './detectors/detector.js';
import { createMarkerSearch } from './find-markers.js';

/** A pattern match in one line, not yet prefiltered by line nor validated. Holds the raw value: never emit it. */
export interface Candidate {
  detector: Detector;
  value: string;
  /** Index (UTF-16 units) of `value` in its line. */
  start: number;
}

/** Runs one detector's pattern over `text` from `from`, calling `found` with each match's value and index. */
function execAll(detector: Detector, text: string, from: number, found: (value: string, start: number, whole: string, index: number) => boolean): void {
  const pattern = detector.pattern;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const span = match.indices?.groups?.value;
    if (match[0].length === 0) pattern.lastIndex++;
    if (!found(span ? text.slice(span[0], span[1]) : match[0], span ? span[0] : match.index, match[0], match.index)) return;
  }
}

// Per detector list: one search for every detector's markers (see `Detector.markers`).
const markerSearches = new WeakMap<readonly Detector[], ((text: string) => Set<string>) | undefined>();

function markerSearchOf(detectors: readonly Detector[]): ((text: string) => Set<string>) | undefined {
  if (markerSearches.has(detectors)) return markerSearches.get(detectors);
  const markers = detectors.flatMap((detector) => detector.markers ?? []);
  const search = markers.length === 0 ? undefined : createMarkerSearch(markers);
  markerSearches.set(detectors, search);
  return search;
}

/**
 * Finds every detector's pattern matches in a batch of lines with one pass per detector over the lines
 * joined by `\n`, instead of one regex call per line and detector: a detector whose prefilter fails on the
 * whole batch (most secret detectors, on most data) costs one substring test per batch.
 *
 * Per line, the result equals running each pattern over that line alone. The patterns' lookarounds treat
 * `\n` like the start or end of the text (it is in none of their character classes), and a match that
 * runs across a line break (a `\s*` in a pattern) is dropped and its starting line matched on its own.
 * `joined`, when given, must equal `lines.join('\n')` (the reader has it as read, so no copy is made).
 */
export function findCandidates(lines: readonly string[], detectors: readonly Detector[], joined = lines.join('\n')): Array<Candidate[] | undefined> {
  const found: Array<Candidate[] | undefined> = new Array<Candidate[] | undefined>(lines.length);
  if (lines.length === 1) {
    const text = lines[0] ?? '';
    for (const detector of detectors) {
      if (!detector.prefilter(text)) continue;
      execAll(detector, text, 0, (value, start) => ((found[0] ??= []).push({ detector, value, start }), true));
    }
    return found;
  }
  const starts = new Array<number>(lines.length);
  for (let index = 0, at = 0; index < lines.length; at += (lines[index]?.length ?? 0) + 1, index++) starts[index] = at;
  // Binary search from the last line found: hits come in order, often many lines apart.
  const lineAt = (index: number, from: number): number => {
    let low = from;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  // A detector none of whose markers is in the batch cannot pass its prefilter: one search for all of them
  // spares each such detector a full pass (a common marker such as `SK`, in `SKU-`, no longer wakes them all).
  const held = markerSearchOf(detectors)?.(joined);
  for (const detector of detectors) {
    if (detector.markers !== undefined && held !== undefined && !detector.markers.some((marker) => held.has(marker))) continue;
    if (!detector.prefilter(joined)) continue;
    const anchor = detector.anchor;
    if (anchor) {
      // Only the lines the anchor hits are searched, each on its own.
      anchor.lastIndex = 0;
      let line = 0;
      for (let hit = anchor.exec(joined); hit !== null; hit = anchor.exec(joined)) {
        line = lineAt(hit.index, line);
        const text = lines[line] ?? '';
        execAll(detector, text, 0, (value, start) => ((found[line] ??= []).push({ detector, value, start }), true));
        anchor.lastIndex = starts[line + 1] ?? joined.length;
        if (line + 1 >= lines.length) break;
      }
      continue;
    }
    let line = 0;
    let from = 0;
    while (from <= joined.length) {
      let resumeAt = -1;
      execAll(detector, joined, from, (value, start, whole, index) => {
        line = lineAt(index, line);
        const lineStart = starts[line] ?? 0;
        if (whole.includes('\n')) {
          // Crossed a line break: match this line alone from here on, then go on from the next line.
          const text = lines[line] ?? '';
          execAll(detector, text, index - lineStart, (ownValue, ownStart, ownWhole) => {
            if (!ownWhole.includes('\n')) (found[line] ??= []).push({ detector, value: ownValue, start: ownStart });
            return true;
          });
          resumeAt = starts[line + 1] ?? joined.length + 1;
          return false;
        }
        (found[line] ??= []).push({ detector, value, start: start - lineStart });
        return true;
      });
      if (resumeAt === -1) break;
      from = resumeAt;
      line = Math.min(line + 1, lines.length - 1);
    }
  }
  return found;
}
