import type { Detector } from '../detectors/detector.js';
import { isPiiColumnName } from '../detectors/pii-column-name.js';
import { findCandidates } from '../find-candidates.js';
import { validateCandidates } from '../match-line.js';
import type { ScanFinding } from '../scan-types.js';
import { createColumnFindings, type ColumnFindings } from './column-findings.js';
import { createProgress, type DatasetEvent, type DatasetScan } from './dataset-context.js';
import { flattenRecord } from './flatten-record.js';
import { createJsonPathAt } from './json-path-at.js';
import { isEmptyValue, namedColumnMatch } from './named-column-value.js';
import { codePointLength, readSegmentBatches, segmentAt, type TextSegment } from './read-segments.js';
import { findingsOf } from './segment-findings.js';

/** A line that holds a JSON object or array. */
const JSON_START = /^\s*[[{]/;

/** Keys as written: `"email":`. Only a look for PII-named keys; a false hit only costs a parse. */
const KEY = /"((?:[^"\\\n]|\\.){1,128})"\s*:/g;

/** Memo of which keys name PII; cleared rather than grown, since keys are data. */
function createKeyTest(): (text: string) => boolean {
  const memo = new Map<string, boolean>();
  return (text) => {
    KEY.lastIndex = 0;
    for (let match = KEY.exec(text); match !== null; match = KEY.exec(text)) {
      const key = match[1]!;
      let named = memo.get(key);
      if (named === undefined) {
        named = isPiiColumnName(key);
        if (memo.size >= 10_000) memo.clear();
        memo.set(key, named);
      }
      if (named) return true;
    }
    return false;
  };
}

/** The values of PII-named columns in a record line that no detector matched, counted for `pii-column-name`. */
function* namedValues(segment: TextSegment, row: number, matched: ReadonlySet<string>, byName: Detector, columns: ColumnFindings, scan: DatasetScan): Generator<ScanFinding> {
  let record: unknown;
  try {
    record = JSON.parse(segment.text);
  } catch {
    return;
  }
  for (const { path, text } of flattenRecord(record)) {
    if (matched.has(path) || isEmptyValue(text) || !isPiiColumnName(path)) continue;
    const at = segment.text.indexOf(text);
    const column = at === -1 ? 1 : codePointLength(segment.text.slice(0, at)) + 1;
    const now = columns.add(path, namedColumnMatch(byName, { file: scan.file, key: scan.fingerprintKey, path, row, line: segment.line, column, text }));
    if (now) yield now;
  }
}

/**
 * Scans JSON Lines (`.jsonl`, `.ndjson`, gzipped or not) as fast as text: the detectors run over the lines
 * as written, and a match in a line holding a JSON object or array is placed in its column by the key path
 * around it (`user.contact.email`, `tags[]`), each column reported once per detector with a count of rows
 * (`createColumnFindings`), after the file's other findings. Only a line with a key that names PII is parsed
 * (bounded by `maxLineLength`), for its values no detector matched. A line that is not JSON, and the pieces
 * of a line longer than `maxLineLength`, are scanned as text, finding by finding.
 */
export async function* scanJsonl(chunks: AsyncIterable<Buffer>, scan: DatasetScan, bytesRead: () => number): AsyncGenerator<DatasetEvent> {
  const { file, detectors, fingerprintKey: key } = scan;
  const columns = createColumnFindings(file, key);
  const progress = createProgress(file, scan.progressEvery, bytesRead);
  const byName = detectors.find((detector) => detector.id === 'pii-column-name');
  const hasPiiKey = createKeyTest();
  let row = 0;
  for await (const batch of readSegmentBatches(chunks, { maxLineLength: scan.maxLineLength })) {
    const { joined, texts } = batch;
    const candidates = findCandidates(texts, detectors, joined);
    const piiKeys = byName !== undefined && hasPiiKey(joined ?? texts.join('\n'));
    for (let index = 0; index < texts.length; index++) {
      // A batch of whole lines has no segment objects: one is made only for a line with something to report.
      const given = batch.segments?.[index];
      const whole = given === undefined || (given.column === 0 && given.reportFrom === 0 && given.reportTo === given.text.length);
      const record = whole && JSON_START.test(texts[index]!);
      if (record) row++;
      const found = candidates[index];
      if (found === undefined && !(record && piiKeys)) continue;
      const segment = given ?? segmentAt(batch, index);
      let walker: ((at: number) => string) | undefined;
      const pathAt = (at: number): string => (walker ??= createJsonPathAt(segment.text))(at);
      const matches = found === undefined ? [] : validateCandidates(segment.text, found, record ? pathAt : undefined);
      const matched = new Set<string>();
      for (const match of matches) {
        const path = record ? pathAt(match.start) : undefined;
        const single = (): ScanFinding | undefined => findingsOf(segment, [match], file, key, path === undefined ? undefined : () => `row ${row} column ${path}`).next().value ?? undefined;
        if (path === undefined) {
          const finding = single();
          if (finding) yield { type: 'finding', finding };
          continue;
        }
        matched.add(path);
        const now = columns.add(path, { detector: match.detector, confidence: match.confidence, row, single: () => single()! });
        if (now) yield { type: 'finding', finding: now };
      }
      if (record && piiKeys && byName && hasPiiKey(segment.text)) {
        for (const finding of namedValues(segment, row, matched, byName, columns, scan)) yield { type: 'finding', finding };
      }
    }
    const event = progress();
    if (event) yield event;
  }
  for (const finding of columns.finish()) yield { type: 'finding', finding };
}
