import { createReadStream } from 'node:fs';
import type { ScanEvent } from '../scan-events.js';
import type { FileScanSettings } from '../scan-file.js';
import { errorCode, scanTextChunks } from '../scan-file.js';
import type { ByteRange, TaskResult } from './scan-task.js';


/**
 * Scans one line-aligned byte range of a plain-text file as `scanFile` scans the whole file, with line
 * numbers counted from the range's first line: the caller adds the lines of the ranges before it.
 */
export async function scanFileRange(path: string, file: string, range: ByteRange, settings: FileScanSettings): Promise<TaskResult> {
  const events: ScanEvent[] = [];
  let newlines = 0;
  let bytes = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(path, { start: range.start, ...(range.end !== undefined ? { end: range.end - 1 } : {}), highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) newlines++;
      bytes += chunk.length;
      yield chunk;
    }
  }
  try {
    const quiet = { ...settings, progressEvery: Number.POSITIVE_INFINITY };
    for await (const event of scanTextChunks(counted(), file, quiet, () => bytes, { midFile: range.start > 0 })) events.push(event);
  } catch (error) {
    const code = errorCode(error);
    events.push({ type: 'error', file, code, message: `cannot read ${file} to the end: ${code}` });
  }
  return { events, newlines };
}
