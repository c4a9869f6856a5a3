import { createDefaultDetectors } from './detectors/default-detectors.js';
import type { Detector } from './detectors/detector.js';
import type { ScanOptions } from './scan-events.js';

/** The detectors a scan with these options runs: `options.detectors` or the built-in set. */
export function detectorsFor(options: ScanOptions = {}): readonly Detector[] {
  return options.detectors ?? createDefaultDetectors({ defaultCountry: options.defaultCountry, alsoCountries: options.alsoCountries });
}
