export interface ScanProgress {
  files: number;
  bytes: number;
  /** The file being read, while a large one is (the totals then include the bytes read of it so far). */
  file?: string;
}

/** A long path keeps its end, which names the file, so the line fits a terminal and redraws in place. */
const MAX_SHOWN_PATH = 60;
/** File names come from the scanned tree, so control characters (a terminal escape) are shown as `?`. */
const shortened = (path: string): string => {
  const safe = path.replace(/\p{Cc}/gu, '?');
  return safe.length <= MAX_SHOWN_PATH ? safe : `…${safe.slice(-(MAX_SHOWN_PATH - 1))}`;
};

/**
 * The progress shown while scanning: files, MB and MB/s, and the file being read while a large one is. On a
 * terminal it is one line redrawn in place at most every `intervalMs`; elsewhere it prints nothing, so logs
 * and pipes stay clean, unless `always` (`--progress`), when it writes a plain line at most every
 * `logIntervalMs`, for a CI log.
 */
export function createProgressLine(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  { now = () => Date.now(), intervalMs = 100, logIntervalMs = 2000, always = false } = {},
) {
  const started = now();
  const terminal = stream.isTTY === true;
  let last = 0;
  let shown = false;
  const render = ({ files, bytes, file }: ScanProgress) => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const mb = bytes / 1_000_000;
    const reading = file !== undefined ? `, reading ${shortened(file)}` : '';
    return `scanning: ${files} file${files === 1 ? '' : 's'}, ${mb.toFixed(1)} MB, ${(mb / seconds).toFixed(1)} MB/s${reading}`;
  };
  return {
    update(progress: ScanProgress): void {
      if (!terminal && !always) return;
      if (now() - last < (terminal ? intervalMs : logIntervalMs)) return;
      last = now();
      if (terminal) {
        shown = true;
        stream.write(`\r\x1b[2K${render(progress)}`);
      } else {
        stream.write(`${render(progress)}\n`);
      }
    },
    /** Clear the line so the report starts on a clean one. */
    done(): void {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
