import type { Worker } from 'node:worker_threads';
import type { ScanTask, TaskResult, WorkerSetup } from './scan-task.js';
import { startScanWorker } from './start-scan-worker.js';

export interface ScanPool {
  /** Queues a task; tasks start in the order given, one per worker at a time. */
  run(task: ScanTask): Promise<TaskResult>;
  /** Stops the workers; queued and running tasks are rejected. */
  close(): Promise<void>;
}

interface Queued {
  task: ScanTask;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
}

/** A fixed set of `threads` scan workers fed from one first-in first-out queue. */
export function createScanPool(threads: number, setup: WorkerSetup): ScanPool {
  const queue: Queued[] = [];
  const running = new Map<Worker, Queued>();
  const idle: Worker[] = [];
  let failure: Error | undefined;

  const pump = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const next = queue.shift()!;
      running.set(worker, next);
      worker.postMessage(next.task);
    }
  };
  const fail = (error: Error): void => {
    failure ??= error;
    for (const { reject } of [...running.values(), ...queue.splice(0)]) reject(failure);
    running.clear();
  };

  const workers = Array.from({ length: threads }, () => {
    const worker = startScanWorker(setup);
    worker.on('message', (result: TaskResult) => {
      const task = running.get(worker);
      running.delete(worker);
      idle.push(worker);
      task?.resolve(result);
      pump();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (running.has(worker)) fail(new Error(`a scan worker stopped (exit code ${code}) while scanning ${running.get(worker)?.task.file ?? 'a file'}`));
    });
    idle.push(worker);
    return worker;
  });

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
