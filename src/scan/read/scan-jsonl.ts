import { findCandidates } from '../find-candidates.js';
import { validateCandidates } from '../match-line.js';
import { createCellScanner, type Cell } from './scan-cells.js';
import { createProgress, type DatasetEvent, type DatasetScan } from './dataset-context.js';
import { flattenRecord } from './flatten-record.js';
import { readSegmentBatches, type TextSegment } from './read-segments.js';
import { findingsOf } from './segment-findings.js';

/** A line that may hold a JSON object or array (a cheap look before `JSON.parse`). */
const JSON_START = /^\s*[[{]/;

function parseRecord(text: string): unknown {
  if (!JSON_START.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Scans JSON Lines (`.jsonl`, `.ndjson`, gzipped or not): each line is parsed on its own, its values are
 * scanned with their key path as the column (`user.contact.email`), and each column is reported once
 * per detector with a count of rows (see `createCellScanner`), after the lines that are not JSON. A line
 * that is not a JSON object or array, and one longer than `maxLineLength` (never parsed, so memory stays
 * bounded), is scanned as text, finding by finding.
 */
export async function* scanJsonl(chunks: AsyncIterable<Buffer>, scan: DatasetScan, bytesRead: () => number): AsyncGenerator<DatasetEvent> {
  const { file, detectors, fingerprintKey } = scan;
  const cells = createCellScanner(file, detectors, fingerprintKey);
  const progress = createProgress(file, scan.progressEvery, bytesRead);
  let row = 0;
  for await (const { segments } of readSegmentBatches(chunks, { maxLineLength: scan.maxLineLength })) {
    const records: Cell[] = [];
    const texts: TextSegment[] = [];
    for (const segment of segments) {
      const whole = segment.column === 0 && segment.reportFrom === 0 && segment.reportTo === segment.text.length;
      const record = whole ? parseRecord(segment.text) : undefined;
      if (record === undefined) {
        if (segment.text.length > 0) texts.push(segment);
        continue;
      }
      row++;
      for (const { path, text } of flattenRecord(record)) records.push({ text, path: path || '(value)', row, line: segment.line, source: segment.text });
    }
    for (const finding of cells.scan(records)) yield { type: 'finding', finding };
    const candidates = findCandidates(texts.map((segment) => segment.text), detectors);
    for (let index = 0; index < texts.length; index++) {
      const found = candidates[index];
      if (found === undefined) continue;
      const segment = texts[index]!;
      for (const finding of findingsOf(segment, validateCandidates(segment.text, found), file, fingerprintKey)) yield { type: 'finding', finding };
    }
    const event = progress();
    if (event) yield event;
  }
  for (const finding of cells.finish()) yield { type: 'finding', finding };
}
