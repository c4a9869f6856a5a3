import { open } from 'node:fs/promises';
import type { Detector } from './detectors/detector.js';
import type { FingerprintKey } from './fingerprint.js';
import { matchLine, validateCandidates } from './match-line.js';
import { findCandidates } from './find-candidates.js';
import type { DatasetScan } from './read/dataset-context.js';
import { notebookTexts } from './read/notebook-texts.js';
import { InflateLimitError, type InflateLimits } from './read/inflate-limits.js';
import { openFileChunks } from './read/open-file-chunks.js';
import { readSegmentBatches, segmentAt } from './read/read-segments.js';
import type { SegmentOptions } from './read/read-segments.js';
import { DEFAULT_PARQUET_LIMITS, ParquetRefusedError, type ParquetLimits } from './read/parquet-limits.js';
import { scanCsv } from './read/scan-csv.js';
import { scanJsonl } from './read/scan-jsonl.js';
import { findingsOf } from './read/segment-findings.js';
import { sniffBinary } from './read/sniff-binary.js';
import type { ScanEvent } from './scan-events.js';
import type { ScanFinding } from './scan-types.js';

export interface FileScanSettings {
  detectors: readonly Detector[];
  maxLineLength: number;
  maxNotebookBytes: number;
  progressEvery: number;
  inflateLimits?: InflateLimits;
  /** Bounds on what a Parquet file may make the reader allocate. Default `DEFAULT_PARQUET_LIMITS`. */
  parquetLimits?: ParquetLimits;
  fingerprintKey: FingerprintKey;
}

/** The system error code of a failed read (`ENOENT`, `EACCES`…), `EIO` when it has none. */
export const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO';

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

export type Format = 'csv' | 'tsv' | 'jsonl' | 'parquet' | 'notebook' | 'text';

/** The format by name (a `.gz` suffix aside: gzip is known by content); anything else is text. */
export function formatOf(file: string): Format {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.parquet') || name.endsWith('.parq') || name.endsWith('.pq')) return 'parquet';
  if (name.endsWith('.ipynb')) return 'notebook';
  return 'text';
}

/** Why a reader refused a file (a gzip bomb, a Parquet file past its bounds), or undefined for other failures. */
const refusal = (error: unknown): string | undefined => (error instanceof InflateLimitError || error instanceof ParquetRefusedError ? error.message : undefined);

/**
 * The text loop: reads lines in batches, finds each batch's candidates, validates them per line and yields
 * findings, with a `progress` event every `settings.progressEvery` bytes of `bytesRead()`. The pool also
 * runs it over a line-aligned byte range of a text file. (CSV/TSV and JSONL have loops of their own, which
 * report by column.)
 */
export async function* scanTextChunks(chunks: AsyncIterable<Buffer>, file: string, settings: FileScanSettings, bytesRead: () => number, segmentOptions: SegmentOptions = {}): AsyncGenerator<ScanEvent> {
  let nextProgress = settings.progressEvery;
  for await (const batch of readSegmentBatches(chunks, { maxLineLength: settings.maxLineLength, ...segmentOptions })) {
    const { texts, segments } = batch;
    const candidates = findCandidates(texts, settings.detectors, batch.joined);
    for (let index = 0; index < texts.length; index++) {
      const found = candidates[index];
      if (found === undefined) continue;
      const matches = validateCandidates(texts[index]!, found);
      if (matches.length === 0) continue;
      for (const finding of findingsOf(segments?.[index] ?? segmentAt(batch, index), matches, file, settings.fingerprintKey)) yield { type: 'finding', finding };
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
  const format = formatOf(file);
  const dataset: DatasetScan = { file, detectors: settings.detectors, fingerprintKey: settings.fingerprintKey, maxLineLength: settings.maxLineLength, progressEvery: settings.progressEvery };
  try {
    if (format === 'parquet') {
      // Random reads first: the stream that hashes the file below closes the handle when it ends.
      try {
        // Loaded on the first Parquet file: hyparquet costs `donegate scan` start-up time it mostly does not need.
        const { scanParquet } = await import('./read/scan-parquet.js');
        for await (const event of scanParquet(handle, (await handle.stat()).size, settings.parquetLimits ?? DEFAULT_PARQUET_LIMITS, dataset)) {
          if (event.type === 'finding') findings++;
          yield event;
        }
      } catch (error) {
        const reason = refusal(error);
        if (reason === undefined) throw error;
        skipped = `unreadable: ${reason}`;
        yield { type: 'error', file, code: 'EPARQUET', message: `cannot read ${file}: ${reason}` };
      }
    }
    source = await openFileChunks(handle, settings.inflateLimits);
    const { binary, chunks } = await sniffBinary(source.chunks);
    if (format === 'parquet' || binary) {
      if (format !== 'parquet') skipped = 'binary';
      for await (const chunk of chunks) void chunk;
    } else if (format === 'csv' || format === 'tsv' || format === 'jsonl') {
      const bytesRead = source.bytesRead;
      const events = format === 'jsonl' ? scanJsonl(chunks, dataset, bytesRead) : scanCsv(chunks, format === 'csv' ? ',' : '\t', dataset, bytesRead);
      for await (const event of events) {
        if (event.type === 'finding') findings++;
        yield event;
      }
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
      for await (const event of scanTextChunks(chunks, file, settings, source.bytesRead)) {
        if (event.type === 'finding') findings++;
        yield event;
      }
    }
  } catch (error) {
    const code = errorCode(error);
    // A refused gzip says which limit it crossed; other failures are system error codes.
    const reason = refusal(error) ?? code;
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
