import type { Worker } from 'node:worker_threads';
import type { FileScanSettings } from '../scan-file.js';
import { runScanTask } from './run-scan-task.js';
import type { ScanTask, TaskResult, WorkerSetup } from './scan-task.js';
import { startScanWorker } from './start-scan-worker.js';

export interface ScanPool {
  /** Queues a task; tasks start in the order given, one per thread at a time. */
  run(task: ScanTask): Promise<TaskResult>;
  /** Stops the workers; queued and running tasks are rejected. */
  close(): Promise<void>;
}

interface Queued {
  task: ScanTask;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
}

/** This thread, or a worker. */
type Slot = { worker: Worker } | { worker: undefined };

/**
 * `threads` scanning threads fed from one first-in first-out queue: this thread (with `settings`) and
 * `threads - 1` workers. This thread mostly waits on its workers, so scanning here too saves a worker's
 * start-up and memory (its own module copies, detectors and heap) for the same use of the CPUs.
 */
export function createScanPool(threads: number, setup: WorkerSetup, settings: FileScanSettings): ScanPool {
  const queue: Queued[] = [];
  const running = new Map<Slot, Queued>();
  const idle: Slot[] = [];
  let failure: Error | undefined;

  const finish = (slot: Slot, result: TaskResult): void => {
    const task = running.get(slot);
    running.delete(slot);
    idle.push(slot);
    task?.resolve(result);
    pump();
  };
  const fail = (error: Error): void => {
    failure ??= error;
    for (const { reject } of [...running.values(), ...queue.splice(0)]) reject(failure);
    running.clear();
  };
  function pump(): void {
    while (idle.length > 0 && queue.length > 0 && !failure) {
      const slot = idle.pop()!;
      const next = queue.shift()!;
      running.set(slot, next);
      if (slot.worker) slot.worker.postMessage(next.task);
      else runScanTask(next.task, settings).then((result) => finish(slot, result), fail);
    }
  }

  const workers = Array.from({ length: threads - 1 }, () => {
    const slot: Slot = { worker: startScanWorker(setup) };
    slot.worker.on('message', (result: TaskResult) => finish(slot, result));
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (running.has(slot)) fail(new Error(`a scan worker stopped (exit code ${code}) while scanning ${running.get(slot)?.task.file ?? 'a file'}`));
    });
    idle.push(slot);
    return slot.worker;
  });
  // Last in the idle list, so popped first: this thread starts scanning while the workers load.
  idle.push({ worker: undefined });

  return {
    run(task) {
      if (failure) return Promise.reject(failure);
      return new Promise<TaskResult>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        pump();
      });
    },
    async close() {
      fail(new Error('the scan pool was closed'));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
