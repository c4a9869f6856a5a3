/**
 * A scan pool's worker thread: builds the detectors and settings from plain options once, then scans each
 * task it is sent (a whole file, or a byte range of one) and posts back its events.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FingerprintKey } from '../fingerprint.js';
import { fileScanSettings } from '../file-scan-settings.js';
import { runScanTask } from './run-scan-task.js';
import type { ScanTask, WorkerSetup } from './scan-task.js';

const setup = workerData as WorkerSetup;
const settings = fileScanSettings(setup.options, new FingerprintKey(setup.key));

parentPort?.on('message', (task: ScanTask) => {
  void runScanTask(task, settings).then((result) => parentPort?.postMessage(result));
});
