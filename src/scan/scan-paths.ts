import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileScanSettings } from './file-scan-settings.js';
import type { FingerprintKey } from './fingerprint.js';
import { createScanPool } from './pool/create-scan-pool.js';
import { POOL_TUNING, type PoolTuning } from './pool/pool-tuning.js';
import { scanEntriesPooled, type PoolEntry } from './pool/scan-entries-pooled.js';
import type { WorkerScanOptions, WorkerSetup } from './pool/scan-task.js';
import type { ScanEvent, ScanOptions } from './scan-events.js';
import { scanFile, type FileScanSettings } from './scan-file.js';
import { createPathSelection } from './select/select-paths.js';
import { walkPaths, type WalkEntry } from './walk-paths.js';

/** More workers than this only add start-up time and memory, whatever `--threads` asks. */
const MAX_THREADS = 64;

export { detectorsFor } from './detectors-for.js';

/** A path that does not exist or a folder that cannot be listed, reported like an unreadable file. */
const unreadable = (entry: Extract<WalkEntry, { type: 'error' }>): ScanEvent[] => [
  { type: 'error', file: entry.file, code: entry.code, message: `cannot read ${entry.file}: ${entry.code}` },
  { type: 'file-end', file: { file: entry.file, sha256: '', size: 0, skipped: `unreadable: ${entry.code}` }, findings: 0 },
];

/**
 * The worker setup for these options, or undefined when the scan must stay on this thread: one thread asked
 * for, detectors given as objects (code cannot cross a thread), or an option that is not plain data.
 */
function workerSetupOf(options: ScanOptions, key: FingerprintKey, threads: number): WorkerSetup | undefined {
  if (threads <= 1 || options.detectors !== undefined) return undefined;
  // Handled on this thread: names, the key (sent as bytes), the walk and the pool itself.
  const { nameAs: _nameAs, fingerprintKey: _key, threads: _threads, poolTuning: _tuning, exclude: _exclude, detectors: _detectors, ...rest } = options;
  try {
    return { options: structuredClone(rest) as WorkerScanOptions, key: key.bytesForWorker() };
  } catch {
    return undefined;
  }
}

/** The walk as pool entries; sizes (one stat a file) only when a pool may run, since only it weighs them. */
async function* sized(entries: AsyncIterable<WalkEntry>, nameAs: ScanOptions['nameAs'], weigh: boolean): AsyncGenerator<PoolEntry> {
  for await (const entry of entries) {
    if (entry.type === 'error') yield { type: 'events', events: unreadable(entry) };
    else if (entry.type === 'skipped') yield { type: 'events', events: [entry] };
    else {
      // A file that cannot be stat'ed now is left to scanFile, which reports why it cannot be read.
      const size = weigh ? await stat(entry.path).then((info) => info.size, () => 0) : 0;
      yield { type: 'file', path: entry.path, file: nameAs?.(entry.file) ?? entry.file, size };
    }
  }
}

/** Reads entries until there is enough to scan for the pool to pay off, or none are left. */
async function lookAhead(entries: AsyncIterator<PoolEntry>, tuning: PoolTuning): Promise<{ head: PoolEntry[]; enough: boolean }> {
  const head: PoolEntry[] = [];
  let bytes = 0;
  while (bytes < tuning.minBytes && head.length < tuning.minFiles) {
    const next = await entries.next();
    if (next.done) return { head, enough: false };
    head.push(next.value);
    if (next.value.type === 'file') bytes += next.value.size;
  }
  return { head, enough: true };
}

async function* scanOnThisThread(entries: Iterable<PoolEntry> | AsyncIterable<PoolEntry>, settings: FileScanSettings): AsyncGenerator<ScanEvent> {
  for await (const entry of entries) {
    if (entry.type === 'events') yield* entry.events;
    else yield* scanFile(entry.path, entry.file, settings);
  }
}

async function* replay<T>(head: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Scans files and directories, streaming events as it reads; memory stays bounded whatever the input.
 * Past a few tens of MB, files (and ranges of big plain-text files) go to a pool of worker threads, one per
 * CPU unless `threads` says otherwise; the events are the same, in the same order, as on one thread.
 *
 * @example
 * for await (const event of scanPaths(['data/'], { defaultCountry: 'GB' })) {
 *   if (event.type === 'finding') console.log(event.finding.file, event.finding.line, event.finding.masked);
 * }
 */
export async function* scanPaths(paths: readonly string[], options: ScanOptions = {}): AsyncGenerator<ScanEvent> {
  const settings = fileScanSettings(options);
  const selection = options.select && createPathSelection(options.select);
  const threads = Math.min(MAX_THREADS, Math.max(1, Math.floor(options.threads ?? availableParallelism())));
  const setup = workerSetupOf(options, settings.fingerprintKey, threads);
  const entries = sized(walkPaths(paths, new Set(options.exclude ?? ['.git', 'node_modules']), selection), options.nameAs, setup !== undefined)[Symbol.asyncIterator]();
  const tuning = { ...POOL_TUNING, ...options.poolTuning };
  const { head, enough } = setup ? await lookAhead(entries, tuning) : { head: [], enough: false };
  if (!setup || !enough) {
    yield* scanOnThisThread(replay(head, entries), settings);
    return;
  }
  const pool = createScanPool(threads, setup, settings);
  try {
    yield* scanEntriesPooled(replay(head, entries), pool, threads, tuning);
  } finally {
    await pool.close();
  }
}
