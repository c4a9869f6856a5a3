/**
 * How much of a Parquet file the scanner reads at once. A footer and its column chunks declare their own
 * sizes, so a damaged or hostile file could ask for gigabytes: every declared size is checked against the
 * file and these bounds before anything is allocated, and a file past one is refused as unreadable.
 */
export interface ParquetLimits {
  /** Most bytes of file metadata (the footer); real footers, even of wide files with many row groups, hold a few MiB. */
  maxFooterBytes: number;
  /** Most bytes one column chunk may take, compressed or not: the unit read into memory. */
  maxColumnChunkBytes: number;
  /** Most bytes one page may inflate to. */
  maxPageBytes: number;
}

export const DEFAULT_PARQUET_LIMITS: ParquetLimits = { maxFooterBytes: 64 << 20, maxColumnChunkBytes: 256 << 20, maxPageBytes: 64 << 20 };

/** A Parquet file the scanner will not read: `message` says why, never quoting content. */
export class ParquetRefusedError extends Error {
  override readonly name = 'ParquetRefusedError';
  /** Reported like a system error code, so scan reports list the file as unreadable. */
  readonly code = 'EPARQUET';
}
