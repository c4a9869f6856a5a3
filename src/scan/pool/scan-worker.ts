/**
 * A scan pool's worker thread: builds the detectors and settings from plain options once, then scans each
 * task it is sent (a whole file, or a byte range of one) and posts back its events.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FingerprintKey } from '../fingerprint.js';
import { fileScanSettings } from '../file-scan-settings.js';
import type { ScanEvent } from '../scan-events.js';
import { scanFile } from '../scan-file.js';
import { scanFileRange } from './scan-file-range.js';
import type { ScanTask, TaskResult, WorkerSetup } from './scan-task.js';

const setup = workerData as WorkerSetup;
const settings = fileScanSettings(setup.options, new FingerprintKey(setup.key));

async function run(task: ScanTask): Promise<TaskResult> {
  if (task.range) return scanFileRange(task.path, task.file, task.range, settings);
  const events: ScanEvent[] = [];
  for await (const event of scanFile(task.path, task.file, settings)) events.push(event);
  return { events, newlines: 0 };
}

parentPort?.on('message', (task: ScanTask) => {
  void run(task).then((result) => parentPort?.postMessage(result));
});
