import type { ScanEvent } from '../scan-events.js';
import { errorCode } from '../scan-file.js';
import type { ScanPool } from './create-scan-pool.js';
import { hashStoredFile } from './hash-stored-file.js';
import type { ByteRange, TaskResult } from './scan-task.js';

const ignore = (): undefined => undefined;


/**
 * Scans one plain-text file as line-aligned ranges on the pool, `window` ranges at a time, while this thread
 * hashes the stored bytes, and yields the events `scanFile` would: findings in order with line numbers
 * offset by the lines of the ranges before, a first error ending the file, one `progress` per range.
 */
export async function* scanSplitFile(pool: ScanPool, path: string, file: string, ranges: readonly ByteRange[], window: number): AsyncGenerator<ScanEvent> {
  yield { type: 'file-start', file };
  const hashing = hashStoredFile(path);
  hashing.catch(ignore);
  const started: Array<Promise<TaskResult>> = [];
  let next = 0;
  const launch = (): void => {
    for (; next < ranges.length && started.length < window; next++) {
      const result = pool.run({ path, file, range: ranges[next]! });
      result.catch(ignore);
      started.push(result);
    }
  };
  let lines = 0;
  let findings = 0;
  let failed: Extract<ScanEvent, { type: 'error' }> | undefined;
  launch();
  for (let index = 0; started.length > 0 && !failed; index++) {
    const { events, newlines } = await started.shift()!;
    launch();
    for (const event of events) {
      if (event.type === 'error') failed = event;
      if (failed) break;
      if (event.type !== 'finding') continue;
      findings++;
      yield { type: 'finding', finding: { ...event.finding, line: event.finding.line + lines } };
    }
    lines += newlines;
    const end = ranges[index]?.end;
    if (end !== undefined && !failed) yield { type: 'progress', file, bytes: end };
  }
  await Promise.allSettled(started);
  let stored: { sha256: string; size: number } = { sha256: '', size: 0 };
  try {
    stored = await hashing;
  } catch (error) {
    const code = errorCode(error);
    failed ??= { type: 'error', file, code, message: `cannot read ${file} to the end: ${code}` };
  }
  if (failed) yield failed;
  yield { type: 'file-end', file: { file, ...stored, ...(failed ? { skipped: `unreadable: ${failed.code}` } : {}) }, findings };
}
