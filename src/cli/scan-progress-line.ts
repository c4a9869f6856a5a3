export interface ScanProgress {
  files: number;
  bytes: number;
}

/**
 * The one-line progress shown while scanning: files, MB and MB/s, redrawn in place at most every
 * `intervalMs`. On anything but a terminal it prints nothing, so logs and pipes stay clean.
 */
export function createProgressLine(stream: NodeJS.WritableStream & { isTTY?: boolean }, { now = () => Date.now(), intervalMs = 100 } = {}) {
  const started = now();
  let last = 0;
  let shown = false;
  const render = ({ files, bytes }: ScanProgress) => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const mb = bytes / 1_000_000;
    return `scanning: ${files} file${files === 1 ? '' : 's'}, ${mb.toFixed(1)} MB, ${(mb / seconds).toFixed(1)} MB/s`;
  };
  return {
    update(progress: ScanProgress): void {
      if (stream.isTTY !== true || now() - last < intervalMs) return;
      last = now();
      shown = true;
      stream.write(`\r\x1b[2K${render(progress)}`);
    },
    /** Clear the line so the report starts on a clean one. */
    done(): void {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
