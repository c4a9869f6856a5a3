import { formatOf } from '../scan-file.js';
import type { ScanEvent } from '../scan-events.js';
import type { ScanPool } from './create-scan-pool.js';
import { isPlainTextHead } from './plain-text-head.js';
import { lineAlignedRanges } from './line-aligned-ranges.js';
import type { PoolTuning } from './pool-tuning.js';
import { scanSplitFile } from './scan-split-file.js';

/** A walked file with its size (from `stat`), or an event list already known (a path that cannot be read). */
export type PoolEntry = { type: 'file'; path: string; file: string; size: number } | { type: 'events'; events: ScanEvent[] };

const ignore = (): undefined => undefined;

async function* wholeFile(result: Promise<{ events: ScanEvent[] }>): AsyncGenerator<ScanEvent> {
  yield* (await result).events;
}

async function* maybeSplit(pool: ScanPool, path: string, file: string, size: number, tuning: PoolTuning, window: number): AsyncGenerator<ScanEvent> {
  const ranges = (await isPlainTextHead(path).catch(() => false)) ? await lineAlignedRanges(path, size, tuning.rangeBytes).catch(() => []) : [];
  if (ranges.length > 1) yield* scanSplitFile(pool, path, file, ranges, window);
  else yield* wholeFile(pool.run({ path, file }));
}

/**
 * Scans walked files on the pool and yields exactly the events a single thread would, in the same order
 * (progress events aside): whole files run a few ahead, each one's events are held until the files before
 * it are out; a big plain-text file (not CSV/TSV, whose quoted fields may span lines) is cut into ranges.
 */
export async function* scanEntriesPooled(entries: AsyncIterable<PoolEntry>, pool: ScanPool, threads: number, tuning: PoolTuning): AsyncGenerator<ScanEvent> {
  const window = threads * 2;
  const ahead: Array<Iterable<ScanEvent> | AsyncIterable<ScanEvent>> = [];
  for await (const entry of entries) {
    if (entry.type === 'events') ahead.push(entry.events);
    else if (entry.size >= tuning.splitBytes && formatOf(entry.file) === 'text') ahead.push(maybeSplit(pool, entry.path, entry.file, entry.size, tuning, window));
    else {
      const result = pool.run({ path: entry.path, file: entry.file });
      result.catch(ignore);
      ahead.push(wholeFile(result));
    }
    while (ahead.length > window) yield* ahead.shift()!;
  }
  for (const unit of ahead) yield* unit;
}
