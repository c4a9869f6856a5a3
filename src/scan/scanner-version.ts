import { readFileSync } from 'node:fs';

let version: string | undefined;

/** donegate's version from package.json (two levels up from both `src/scan` and `dist/scan`). */
export function scannerVersion(): string {
  if (version === undefined) {
    const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    version = typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  }
  return version;
}
