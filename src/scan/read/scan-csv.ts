import { isPiiColumnName } from '../detectors/pii-column-name.js';
import { findCandidates } from '../find-candidates.js';
import { validateCandidates } from '../match-line.js';
import type { ScanFinding } from '../scan-types.js';
import { createColumnFindings } from './column-findings.js';
import { createCsvFields } from './csv-fields.js';
import { createProgress, type DatasetEvent, type DatasetScan } from './dataset-context.js';
import { codePointLength, readSegmentBatches, segmentAt } from './read-segments.js';
import { isEmptyValue, namedColumnMatch } from './named-column-value.js';
import { findingsOf } from './segment-findings.js';

/**
 * Scans CSV or TSV line by line, as text is scanned, and reports each column once per detector with a
 * count of rows (`createColumnFindings`); the header names the columns. A value that no detector matched
 * in a column whose name says PII (`full_name`, `dob`) counts for `pii-column-name`. Matches in the
 * header, and in pieces of lines longer than `maxLineLength`, are reported one by one.
 */
export async function* scanCsv(chunks: AsyncIterable<Buffer>, delimiter: ',' | '\t', scan: DatasetScan, bytesRead: () => number): AsyncGenerator<DatasetEvent> {
  const { file, detectors, fingerprintKey: key } = scan;
  const csv = createCsvFields(delimiter);
  const columns = createColumnFindings(file, key);
  const progress = createProgress(file, scan.progressEvery, bytesRead);
  const byName = detectors.find((detector) => detector.id === 'pii-column-name');
  let piiNamed: ReadonlySet<number> | undefined;
  for await (const batch of readSegmentBatches(chunks, { maxLineLength: scan.maxLineLength })) {
    const { joined, texts } = batch;
    const candidates = findCandidates(texts, detectors, joined);
    for (let index = 0; index < texts.length; index++) {
      // A batch of whole lines has no segment objects: one is made only for a line with something to report.
      const given = batch.segments?.[index];
      const whole = given === undefined || (given.column === 0 && given.reportFrom === 0);
      const row = whole ? csv.advance(texts[index]!) : undefined;
      piiNamed ??= byName && csv.names() ? new Set(csv.names()!.flatMap((name, field) => (isPiiColumnName(name) ? [field] : []))) : undefined;
      const found = candidates[index];
      if (found === undefined && (!byName || !row || piiNamed === undefined || piiNamed.size === 0)) continue;
      const segment = given ?? segmentAt(batch, index);
      const fieldAt = row === undefined ? undefined : (at: number) => csv.fieldAt(at);
      const matches = found === undefined ? [] : validateCandidates(segment.text, found, fieldAt);
      const matched = new Set<string>();
      for (const match of matches) {
        const single = (): ScanFinding | undefined => findingsOf(segment, [match], file, key, fieldAt && ((at) => `row ${row} column ${fieldAt(at)}`)).next().value ?? undefined;
        if (!fieldAt || !row || match.start < segment.reportFrom || match.start >= segment.reportTo) {
          const finding = single();
          if (finding) yield { type: 'finding', finding };
          continue;
        }
        const name = fieldAt(match.start);
        matched.add(name);
        const now = columns.add(name, { detector: match.detector, confidence: match.confidence, row, single: () => single()! });
        if (now) yield { type: 'finding', finding: now };
      }
      if (!byName || !row || piiNamed === undefined || piiNamed.size === 0) continue;
      for (const { text, start } of csv.valuesAt(piiNamed)) {
        const path = csv.fieldAt(start);
        if (matched.has(path) || isEmptyValue(text)) continue;
        const column = segment.column + codePointLength(segment.text.slice(0, start)) + 1;
        const now = columns.add(path, namedColumnMatch(byName, { file, key, path, row, line: segment.line, column, text }));
        if (now) yield { type: 'finding', finding: now };
      }
    }
    const event = progress();
    if (event) yield event;
  }
  for (const finding of columns.finish()) yield { type: 'finding', finding };
}
