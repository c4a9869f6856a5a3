import { detectorsFor } from './detectors-for.js';
import { processFingerprintKey, type FingerprintKey } from './fingerprint.js';
import { DEFAULT_INFLATE_LIMITS } from './read/inflate-limits.js';
import type { ScanOptions } from './scan-events.js';
import type { FileScanSettings } from './scan-file.js';

/** What `scanFile` needs from a scan's options, with their defaults; the pool's workers build the same. */
export function fileScanSettings(options: ScanOptions, fingerprintKey: FingerprintKey = options.fingerprintKey ?? processFingerprintKey()): FileScanSettings {
  return {
    detectors: detectorsFor(options),
    maxLineLength: options.maxLineLength ?? 1 << 20,
    maxNotebookBytes: options.maxNotebookBytes ?? 64 << 20,
    progressEvery: options.progressEvery ?? 16 << 20,
    inflateLimits: {
      ...DEFAULT_INFLATE_LIMITS,
      ...(options.maxInflatedBytes !== undefined ? { maxInflatedBytes: options.maxInflatedBytes } : {}),
      ...(options.maxInflateRatio !== undefined ? { maxRatio: options.maxInflateRatio } : {}),
    },
    fingerprintKey,
  };
}
