import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './scan-task.js';

/**
 * Starts one worker on `scan-worker`: the built JS in dist, or the TypeScript source through tsx in
 * development and tests. A worker does not take tsx's loader from the parent's `--import` (nor from its own
 * `execArgv` on Node 20), so the TypeScript worker registers tsx's ESM hooks itself before importing.
 */
export function startScanWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./scan-worker.js', here), { workerData: setup });
  const source = new URL('./scan-worker.ts', here).href;
  // tsx's `esm/api` resolves to its CommonJS build under `require`; the ESM build sits beside it.
  const api = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: setup });
}
