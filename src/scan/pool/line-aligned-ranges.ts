import { open } from 'node:fs/promises';
import type { ByteRange } from './scan-task.js';

const PROBE = 1 << 16;

/**
 * Cuts a file of `size` bytes into ranges of about `rangeBytes`, each ending just after a `\n` byte (the
 * last one at the end of the file, whatever its size then), so every line is whole in one range. A `\n`
 * byte is never inside a UTF-8 character, so each range also decodes alone. Reads a few KiB per cut.
 */
export async function lineAlignedRanges(path: string, size: number, rangeBytes: number): Promise<ByteRange[]> {
  const ranges: ByteRange[] = [];
  const handle = await open(path, 'r');
  try {
    const probe = Buffer.alloc(PROBE);
    let start = 0;
    while (size - start > rangeBytes + (rangeBytes >> 1)) {
      let cut = -1;
      for (let at = start + rangeBytes; cut === -1 && at < size; ) {
        const { bytesRead } = await handle.read(probe, 0, PROBE, at);
        if (bytesRead === 0) break;
        const newline = probe.subarray(0, bytesRead).indexOf(10);
        if (newline === -1) at += bytesRead;
        else cut = at + newline + 1;
      }
      if (cut === -1 || cut >= size) break;
      ranges.push({ start, end: cut });
      start = cut;
    }
    ranges.push({ start });
  } finally {
    await handle.close();
  }
  return ranges;
}
