import { open } from 'node:fs/promises';
import { inlineAllowOf } from './allow/inline-allow.js';
import type { Detector } from './detectors/detector.js';
import { findingFingerprint, type FingerprintKey } from './fingerprint.js';
import type { LineMatch } from './match-line.js';
import { matchLine, validateCandidates } from './match-line.js';
import { findCandidates } from './find-candidates.js';
import type { CsvFields } from './read/csv-fields.js';
import { createCsvFields } from './read/csv-fields.js';
import { notebookTexts } from './read/notebook-texts.js';
import { InflateLimitError, type InflateLimits } from './read/inflate-limits.js';
import { openFileChunks } from './read/open-file-chunks.js';
import { codePointLength, readSegmentBatches, segmentAt } from './read/read-segments.js';
import type { SegmentOptions, TextSegment } from './read/read-segments.js';
import { sniffBinary } from './read/sniff-binary.js';
import type { ScanEvent } from './scan-events.js';
import type { ScanFinding } from './scan-types.js';

export interface FileScanSettings {
  detectors: readonly Detector[];
  maxLineLength: number;
  maxNotebookBytes: number;
  progressEvery: number;
  inflateLimits?: InflateLimits;
  fingerprintKey: FingerprintKey;
}

/** The system error code of a failed read (`ENOENT`, `EACCES`…), `EIO` when it has none. */
export const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO';

/** Turns a segment's matches into findings with 1-based code-point columns, counting each prefix once. */
function* findingsOf(segment: TextSegment, matches: LineMatch[], file: string, key: FingerprintKey, location?: (index: number) => string | undefined): Generator<ScanFinding> {
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

function* scanNotebookText(json: string, file: string, detectors: readonly Detector[], key: FingerprintKey): Generator<ScanFinding> {
  const texts = notebookTexts(json) ?? [{ location: undefined, text: json }];
  for (const { location, text } of texts) {
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = (lines[index] ?? '').replace(/\r$/, '');
      const matches = matchLine(line, detectors);
      if (matches.length === 0) continue;
      const segment = { text: line, line: index + 1, column: 0, reportFrom: 0, reportTo: line.length };
      yield* findingsOf(segment, matches, file, key, location === undefined ? undefined : () => location);
    }
  }
}

export type Format = 'csv' | 'tsv' | 'notebook' | 'text';

export function formatOf(file: string): Format {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.ipynb')) return 'notebook';
  return 'text';
}

/**
 * The text loop: reads lines in batches, finds each batch's candidates, validates them per line and yields
 * findings, with a `progress` event every `settings.progressEvery` bytes of `bytesRead()`. A CSV/TSV file
 * names each finding's row and column. The pool also runs it over a line-aligned byte range of a text file.
 */
export async function* scanTextChunks(chunks: AsyncIterable<Buffer>, file: string, format: 'csv' | 'tsv' | 'text', settings: FileScanSettings, bytesRead: () => number, segmentOptions: SegmentOptions = {}): AsyncGenerator<ScanEvent> {
  const csv: CsvFields | undefined = format === 'text' ? undefined : createCsvFields(format === 'csv' ? ',' : '\t');
  let nextProgress = settings.progressEvery;
  for await (const batch of readSegmentBatches(chunks, { maxLineLength: settings.maxLineLength, ...segmentOptions })) {
    const { texts, segments } = batch;
    const candidates = findCandidates(texts, settings.detectors, batch.joined);
    for (let index = 0; index < texts.length; index++) {
      const segment = segments?.[index];
      const whole = segment === undefined || (segment.column === 0 && segment.reportFrom === 0);
      const row = csv && whole ? csv.advance(texts[index]!) : undefined;
      const found = candidates[index];
      if (found === undefined) continue;
      const text = texts[index]!;
      const fieldAt = csv && row ? (index: number) => csv.fieldAt(index) : undefined;
      const matches = validateCandidates(text, found, fieldAt);
      if (matches.length === 0) continue;
      const location = fieldAt ? (index: number) => `row ${row} column ${fieldAt(index)}` : undefined;
      for (const finding of findingsOf(segment ?? segmentAt(batch, index), matches, file, settings.fingerprintKey, location)) yield { type: 'finding', finding };
    }
    if (bytesRead() >= nextProgress) {
      nextProgress = bytesRead() + settings.progressEvery;
      yield { type: 'progress', file, bytes: bytesRead() };
    }
  }
}

/**
 * Scans one file in a single pass: hashes and counts the stored bytes, inflates gzip, skips binary content,
 * and yields findings as lines are read. Never throws for I/O: an unreadable file becomes an `error` event
 * and a `file-end` whose `skipped` says why.
 */
export async function* scanFile(path: string, file: string, settings: FileScanSettings): AsyncGenerator<ScanEvent> {
  yield { type: 'file-start', file };
  let findings = 0;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = errorCode(error);
    yield { type: 'error', file, code, message: `cannot read ${file}: ${code}` };
    yield { type: 'file-end', file: { file, sha256: '', size: 0, skipped: `unreadable: ${code}` }, findings };
    return;
  }
  let skipped: string | undefined;
  let source: Awaited<ReturnType<typeof openFileChunks>> | undefined;
  try {
    source = await openFileChunks(handle, settings.inflateLimits);
    const { binary, chunks } = await sniffBinary(source.chunks);
    const format = formatOf(file);
    if (binary) {
      skipped = 'binary';
      for await (const chunk of chunks) void chunk;
    } else if (format === 'notebook') {
      const parts: Buffer[] = [];
      let total = 0;
      for await (const chunk of chunks) {
        total += chunk.length;
        if (total <= settings.maxNotebookBytes) parts.push(chunk);
      }
      if (total > settings.maxNotebookBytes) skipped = `notebook larger than ${settings.maxNotebookBytes} bytes`;
      else for (const finding of scanNotebookText(Buffer.concat(parts).toString('utf8'), file, settings.detectors, settings.fingerprintKey)) {
        findings++;
        yield { type: 'finding', finding };
      }
    } else {
      for await (const event of scanTextChunks(chunks, file, format, settings, source.bytesRead)) {
        if (event.type === 'finding') findings++;
        yield event;
      }
    }
  } catch (error) {
    const code = errorCode(error);
    // A refused gzip says which limit it crossed; other failures are system error codes.
    const reason = error instanceof InflateLimitError ? error.message : code;
    skipped = `unreadable: ${reason}`;
    yield { type: 'error', file, code, message: `cannot read ${file} to the end: ${reason}` };
  } finally {
    // The read stream closes the handle itself when it ends; this covers early exits and errors.
    await handle.close().catch(() => undefined);
  }
  const size = source?.bytesRead() ?? 0;
  const scanned = { file, sha256: source?.sha256() ?? '', size };
  yield { type: 'file-end', file: skipped === undefined ? scanned : { ...scanned, skipped }, findings };
}
