import type { CountryCode } from 'libphonenumber-js/core';
import { createDefaultDetectors, scanToReport } from '../scan/index.js';
import type { ScanFunction } from './run-scan-command.js';

/** Progress inside one file this often, so a 1 GB file shows about 250 steps while it is read. */
const PROGRESS_EVERY_BYTES = 4 << 20;

/**
 * The scanner as `donegate scan` uses it: `scanToReport`, with its `progress` and `file-end` events turned
 * into the running totals the progress line shows (bytes of finished files plus those read of the current one).
 */
export const scanWithProgress: ScanFunction = async (paths, options) => {
  let files = 0;
  let finishedBytes = 0;
  const countries = options.countries?.[0] ? { defaultCountry: options.countries[0] as CountryCode, alsoCountries: options.countries.slice(1) as CountryCode[] } : {};
  // Custom rules run after the built-in detectors; re2js loads only for a scan that has them.
  const custom = options.customRules?.length ? (await import('../scan/custom-rules/index.js')).customRuleDetectors(options.customRules) : [];
  return scanToReport(paths, {
    progressEvery: PROGRESS_EVERY_BYTES,
    ...(options.select ? { select: options.select } : {}),
    fingerprintKey: options.fingerprintKey,
    ...(options.maxInflatedBytes !== undefined ? { maxInflatedBytes: options.maxInflatedBytes } : {}),
    ...(options.maxInflateRatio !== undefined ? { maxInflateRatio: options.maxInflateRatio } : {}),
    ...countries,
    ...(custom.length > 0 ? { detectors: [...createDefaultDetectors(countries), ...custom] } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    onEvent: (event) => {
      if (event.type === 'progress') {
        options.onProgress?.({ files, bytes: finishedBytes + event.bytes, file: event.file });
      } else if (event.type === 'file-end') {
        files += 1;
        finishedBytes += event.file.size;
        options.onProgress?.({ files, bytes: finishedBytes });
      }
    },
  });
};
