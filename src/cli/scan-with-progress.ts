import type { CountryCode } from 'libphonenumber-js/core';
import { createDefaultDetectors, scanToReport } from '../scan/index.js';
import type { ScanFunction } from './run-scan-command.js';

/**
 * The scanner as `donegate scan` uses it: `scanToReport`, with its `file-end` events turned into the
 * running totals the progress line shows.
 */
export const scanWithProgress: ScanFunction = async (paths, options) => {
  const totals = { files: 0, bytes: 0 };
  const countries = options.countries?.[0] ? { defaultCountry: options.countries[0] as CountryCode, alsoCountries: options.countries.slice(1) as CountryCode[] } : {};
  // Custom rules run after the built-in detectors; re2js loads only for a scan that has them.
  const custom = options.customRules?.length ? (await import('../scan/custom-rules/index.js')).customRuleDetectors(options.customRules) : [];
  return scanToReport(paths, {
    fingerprintKey: options.fingerprintKey,
    ...(options.maxInflatedBytes !== undefined ? { maxInflatedBytes: options.maxInflatedBytes } : {}),
    ...(options.maxInflateRatio !== undefined ? { maxInflateRatio: options.maxInflateRatio } : {}),
    ...countries,
    ...(custom.length > 0 ? { detectors: [...createDefaultDetectors(countries), ...custom] } : {}),
    onEvent: (event) => {
      if (event.type !== 'file-end') return;
      totals.files += 1;
      totals.bytes += event.file.size;
      options.onProgress?.(totals);
    },
  });
};
