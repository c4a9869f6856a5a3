import type { ScanReport } from '../scan/scan-types.js';
import type { ScanFunction } from './scan-command.js';

// The scan library (src/scan/index.ts, `scanToReport`) is being built alongside this command. Until it
// lands it is loaded by a computed specifier, so the CLI compiles without it and `donegate scan` says
// clearly that the scanner is missing. Replace with a static import once src/scan/index.ts exists.
const SCANNER = new URL('../scan/index.js', import.meta.url).href;

interface ScanLibrary {
  scanToReport(paths: string[], options: { onEvent?: (event: { type: string; file?: { size: number } }) => void }): Promise<ScanReport>;
}

const isScanLibrary = (value: unknown): value is ScanLibrary =>
  typeof value === 'object' && value !== null && typeof (value as { scanToReport?: unknown }).scanToReport === 'function';

/** The scanner's `scanToReport`, loaded on first use. */
export const loadScanner: ScanFunction = async (paths, options) => {
  const library: unknown = await import(SCANNER).catch(() => undefined);
  if (!isScanLibrary(library)) throw new Error('the scanner library (src/scan/index.ts, scanToReport) is not available in this build');
  // scanToReport reports each file as a `file-end` event; the progress line wants running totals.
  const totals = { files: 0, bytes: 0 };
  return library.scanToReport(paths, {
    onEvent: (event) => {
      if (event.type !== 'file-end' || !event.file) return;
      totals.files += 1;
      totals.bytes += event.file.size;
      options.onProgress?.(totals);
    },
  });
};
