import type { ScanEvent } from '../scan-events.js';
import type { FileScanSettings } from '../scan-file.js';
import { scanFile } from '../scan-file.js';
import { scanFileRange } from './scan-file-range.js';
import type { ScanTask, TaskResult } from './scan-task.js';

/** Runs one pool task, in a worker or on the scanning thread itself. */
export async function runScanTask(task: ScanTask, settings: FileScanSettings): Promise<TaskResult> {
  if (task.range) return scanFileRange(task.path, task.file, task.range, settings);
  const events: ScanEvent[] = [];
  for await (const event of scanFile(task.path, task.file, settings)) events.push(event);
  return { events, newlines: 0 };
}
