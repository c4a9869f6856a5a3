import type { CountryCode } from 'libphonenumber-js/core';
import { scanToReport } from '../scan/index.js';
import type { ScanFunction } from './run-scan-command.js';

/**
 * The scanner as `donegate scan` uses it: `scanToReport`, with its `file-end` events turned into the
 * running totals the progress line shows.
 */
export const scanWithProgress: ScanFunction = (paths, options) => {
  const totals = { files: 0, bytes: 0 };
  return scanToReport(paths, {
    fingerprintKey: options.fingerprintKey,
    ...(options.maxInflatedBytes !== undefined ? { maxInflatedBytes: options.maxInflatedBytes } : {}),
    ...(options.maxInflateRatio !== undefined ? { maxInflateRatio: options.maxInflateRatio } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.countries?.[0] ? { defaultCountry: options.countries[0] as CountryCode, alsoCountries: options.countries.slice(1) as CountryCode[] } : {}),
    onEvent: (event) => {
      if (event.type !== 'file-end') return;
      totals.files += 1;
      totals.bytes += event.file.size;
      options.onProgress?.(totals);
    },
  });
};
