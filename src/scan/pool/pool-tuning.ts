/** When the pool is worth its workers' start-up, and how big files are cut. */
export interface PoolTuning {
  /** Bytes to scan (or files, below) before a pool starts: a worker costs ~0.3 s to start in dist, more under tsx. */
  minBytes: number;
  minFiles: number;
  /** A plain-text file at least this big is cut into line-aligned ranges scanned in parallel. */
  splitBytes: number;
  rangeBytes: number;
}

export const POOL_TUNING: PoolTuning = { minBytes: 48 << 20, minFiles: 4096, splitBytes: 24 << 20, rangeBytes: 8 << 20 };
