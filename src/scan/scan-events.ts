import type { CountryCode } from 'libphonenumber-js/core';
import type { Detector } from './detectors/detector.js';
import type { FingerprintKey } from './fingerprint.js';
import type { PoolTuning } from './pool/pool-tuning.js';
import type { ScanFinding, ScannedFile, ScanSelection, SelectionSkip } from './scan-types.js';

/** What `scanPaths` reports, in order: per file `file-start`, its findings (and progress), then `file-end`. */
export type ScanEvent =
  | { type: 'file-start'; file: string }
  | { type: 'finding'; finding: ScanFinding }
  /** Bytes of the current file read from disk so far, every few MiB, for a progress line. */
  | { type: 'progress'; file: string; bytes: number }
  | { type: 'file-end'; file: ScannedFile; findings: number }
  /** A path that could not be read (fully). `message` names the path and the system error, never content. */
  | { type: 'error'; file: string; code: string; message: string }
  /** A file, or a whole folder, under a scanned folder that `select` left out: never read. */
  | { type: 'skipped'; file: string; reason: SelectionSkip; folder: boolean };

export interface ScanOptions {
  /** Country for phone numbers written without `+`, e.g. from `--country`. Default `US`. */
  defaultCountry?: CountryCode;
  /** More countries whose national phone numbers count, tried after `defaultCountry` (`--country GB,DE`). */
  alsoCountries?: readonly CountryCode[];
  /** Replaces the built-in detectors (their ids and patterns then make the rules hash). */
  detectors?: readonly Detector[];
  /** Which paths under the folders to scan (`.gitignore`, globs, `--since`). Default: all but `exclude`. */
  select?: ScanSelection;
  /** File and directory names never entered. Default `.git` and `node_modules`. */
  exclude?: readonly string[];
  /** Longest line scanned in one piece (UTF-16 units); longer lines are scanned in overlapping segments. Default 1 MiB. */
  maxLineLength?: number;
  /** Notebooks are parsed whole; above this many (decompressed) bytes they are scanned as plain text. Default 64 MiB. */
  maxNotebookBytes?: number;
  /** A gzip file inflating past this many bytes is refused as unreadable. Default 16 GiB. */
  maxInflatedBytes?: number;
  /** A gzip file inflating more than this many times its compressed size (after its first MiB) is refused. Default 100. */
  maxInflateRatio?: number;
  /** A `progress` event every this many bytes of one file. Default 16 MiB. */
  progressEvery?: number;
  /**
   * Keys the findings' fingerprints: the installation's key (service) or DONEGATE_FINGERPRINT_KEY (CLI), so
   * they match across runs. Default: a key of this process's own, whose fingerprints match nothing else.
   */
  fingerprintKey?: FingerprintKey;
  /** How a scanned file is named in events, findings and fingerprints. Default: the path as walked. */
  nameAs?: (file: string) => string;
  /**
   * Worker threads for a big scan (`--threads`); default one per CPU (`os.availableParallelism()`), 1 scans on
   * this thread only. Custom `detectors` always scan on this thread: code cannot be sent to a worker.
   */
  threads?: number;
  /** When the pool starts and how big files are cut; for tests and benchmarks (defaults in `POOL_TUNING`). */
  poolTuning?: Partial<PoolTuning>;
}
