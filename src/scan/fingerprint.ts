import { createHash } from 'node:crypto';

/** sha256(detector + NUL + file + NUL + raw value): stable across runs and line moves, and reveals nothing. */
export function findingFingerprint(detector: string, file: string, value: string): string {
  return createHash('sha256').update(`${detector}\0${file}\0${value}`).digest('hex');
}
