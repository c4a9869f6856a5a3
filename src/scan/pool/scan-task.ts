import type { ScanEvent, ScanOptions } from '../scan-events.js';

/** The options a worker builds its detectors and settings from: plain data, so they cross a thread. */
export type WorkerScanOptions = Omit<ScanOptions, 'detectors' | 'nameAs' | 'fingerprintKey' | 'threads' | 'poolTuning' | 'exclude'>;

/** What each worker starts with. */
export interface WorkerSetup {
  options: WorkerScanOptions;
  /** The fingerprint key's bytes, so workers' fingerprints equal this thread's. */
  key: Uint8Array;
}

/** Bytes `start` (inclusive) to `end` (exclusive; the end of the file when absent); `start` is 0 or just after a `\n`. */
export interface ByteRange {
  start: number;
  end?: number;
}

/** One file to scan whole (`scanFile`'s events), or one line-aligned range of a plain-text file (findings and errors). */
export interface ScanTask {
  path: string;
  file: string;
  range?: ByteRange;
}

export interface TaskResult {
  events: ScanEvent[];
  /** `\n` bytes in the range (0 for a whole file), so the next range's line numbers can be offset. */
  newlines: number;
}
