import type { HashProgress } from '../artifacts/hash-stream.js';

/**
 * The line shown while an artifact is hashed: which one, MB done of MB, redrawn in place at most every
 * `intervalMs`. On anything but a terminal it prints nothing.
 */
export function createHashProgressLine(stream: NodeJS.WritableStream & { isTTY?: boolean }, { now = () => Date.now(), intervalMs = 100 } = {}) {
  let last = 0;
  let shown = false;
  return {
    update(uri: string, { bytes, total }: HashProgress): void {
      if (stream.isTTY !== true || now() - last < intervalMs) return;
      last = now();
      shown = true;
      const mb = (n: number) => (n / 1_000_000).toFixed(1);
      stream.write(`\r\x1b[2Khashing ${uri}: ${mb(bytes)}${total !== undefined ? ` of ${mb(total)}` : ''} MB`);
    },
    done(): void {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
