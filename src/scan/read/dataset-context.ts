import type { Detector } from '../detectors/detector.js';
import type { FingerprintKey } from '../fingerprint.js';
import type { ScanEvent } from '../scan-events.js';

/** What a dataset reader (CSV/TSV, JSONL, Parquet) needs of the scan of one file. */
export interface DatasetScan {
  /** The file as named in findings. */
  file: string;
  detectors: readonly Detector[];
  fingerprintKey: FingerprintKey;
  maxLineLength: number;
  progressEvery: number;
}

/** The events a dataset reader yields; `scanFile` adds the start and the end. */
export type DatasetEvent = Extract<ScanEvent, { type: 'finding' | 'progress' }>;

/** A `progress` event each time another `every` bytes have been read, else undefined. */
export function createProgress(file: string, every: number, bytesRead: () => number): () => DatasetEvent | undefined {
  let next = every;
  return () => {
    const bytes = bytesRead();
    if (bytes < next) return undefined;
    next = bytes + every;
    return { type: 'progress', file, bytes };
  };
}
