import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StartDemoTrackers } from './demo-trackers.js';
import { DemoUnavailableError } from './demo-unavailable-error.js';

/**
 * The simulators' entry, from `src/demo` or `dist/demo` alike. The Docker image and an npm install carry
 * neither the folder nor the development dependencies it needs (ajv, graphql, the tracker contracts).
 */
export const DEMO_TRACKERS_ENTRY = fileURLToPath(new URL('../../simulators/demo/start-demo-trackers.ts', import.meta.url));

const NEEDS_CHECKOUT =
  'the demo runs against built-in simulators of every tracker and of S3, which only a development checkout has: clone the repository, run `npm ci`, then `npm run donegate -- demo`';

/** Loads the simulators only when the demo runs, so the production build neither contains nor needs them. */
export async function loadDemoTrackers(entry = DEMO_TRACKERS_ENTRY): Promise<StartDemoTrackers> {
  if (!existsSync(entry)) throw new DemoUnavailableError(`${NEEDS_CHECKOUT} (${entry} is missing)`);
  const loaded = (await importTypeScript(entry)) as { startDemoTrackers?: unknown };
  if (typeof loaded.startDemoTrackers !== 'function') throw new Error(`${entry} does not export startDemoTrackers`);
  return loaded.startDemoTrackers as StartDemoTrackers;
}

/**
 * Under tsx (`npm start`, or a checkout without `dist/`) and under the tests this module is TypeScript itself,
 * and so is the entry. The compiled CLI asks tsx, a development dependency, to compile the simulators on the fly.
 */
async function importTypeScript(entry: string): Promise<unknown> {
  const url = pathToFileURL(entry).href;
  if (import.meta.url.endsWith('.ts')) return import(url);
  const tsx = await import('tsx/esm/api').catch(() => undefined);
  if (!tsx) throw new DemoUnavailableError(`${NEEDS_CHECKOUT} (the development dependencies are not installed)`);
  return tsx.tsImport(url, import.meta.url);
}
