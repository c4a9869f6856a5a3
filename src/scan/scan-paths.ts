import { createDefaultDetectors } from './detectors/default-detectors.js';
import type { Detector } from './detectors/detector.js';
import { processFingerprintKey } from './fingerprint.js';
import type { ScanEvent, ScanOptions } from './scan-events.js';
import { scanFile } from './scan-file.js';
import { DEFAULT_INFLATE_LIMITS } from './read/inflate-limits.js';
import { createPathSelection } from './select/select-paths.js';
import { walkPaths } from './walk-paths.js';

/** The detectors a scan with these options runs: `options.detectors` or the built-in set. */
export function detectorsFor(options: ScanOptions = {}): readonly Detector[] {
  return options.detectors ?? createDefaultDetectors({ defaultCountry: options.defaultCountry, alsoCountries: options.alsoCountries });
}

/**
 * Scans files and directories, streaming events as it reads; memory stays bounded whatever the input.
 *
 * @example
 * for await (const event of scanPaths(['data/'], { defaultCountry: 'GB' })) {
 *   if (event.type === 'finding') console.log(event.finding.file, event.finding.line, event.finding.masked);
 * }
 */
export async function* scanPaths(paths: readonly string[], options: ScanOptions = {}): AsyncGenerator<ScanEvent> {
  const settings = {
    detectors: detectorsFor(options),
    maxLineLength: options.maxLineLength ?? 1 << 20,
    maxNotebookBytes: options.maxNotebookBytes ?? 64 << 20,
    progressEvery: options.progressEvery ?? 16 << 20,
    inflateLimits: {
      ...DEFAULT_INFLATE_LIMITS,
      ...(options.maxInflatedBytes !== undefined ? { maxInflatedBytes: options.maxInflatedBytes } : {}),
      ...(options.maxInflateRatio !== undefined ? { maxRatio: options.maxInflateRatio } : {}),
    },
    fingerprintKey: options.fingerprintKey ?? processFingerprintKey(),
  };
  const exclude = new Set(options.exclude ?? ['.git', 'node_modules']);
  for await (const entry of walkPaths(paths, exclude, options.select && createPathSelection(options.select))) {
    if (entry.type === 'skipped') {
      yield entry;
    } else if (entry.type === 'error') {
      // A path that does not exist or a folder that cannot be listed is reported like an unreadable file, so
      // the report shows what was asked for and not read, and a scan of a mistyped path is never "clean".
      yield { type: 'error', file: entry.file, code: entry.code, message: `cannot read ${entry.file}: ${entry.code}` };
      yield { type: 'file-end', file: { file: entry.file, sha256: '', size: 0, skipped: `unreadable: ${entry.code}` }, findings: 0 };
    } else {
      yield* scanFile(entry.path, options.nameAs?.(entry.file) ?? entry.file, settings);
    }
  }
}
