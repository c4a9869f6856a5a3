import type { Detector } from '../../src/scan/index.js';
import { createDefaultDetectors, matchLine } from '../../src/scan/index.js';
import type { FoundSpan, SecretFinder } from './evaluate-secrets.js';

/** donegate's secret detectors, line by line as `donegate scan` reads a text file; `low` findings are not alarms. */
export function createDonegateFinder(detectors: readonly Detector[] = createDefaultDetectors().filter((detector) => detector.kind === 'secret')): SecretFinder {
  return (text) => {
    const spans: FoundSpan[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
      for (const match of matchLine(line, detectors)) if (match.confidence !== 'low') spans.push({ start: offset + match.start, end: offset + match.end });
      offset += line.length + 1;
    }
    return spans;
  };
}
