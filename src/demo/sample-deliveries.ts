import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TrackerName } from '../domain/index.js';

/** The repository's `webhooks/` folder, from `src/demo` or `dist/demo` alike. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../webhooks/', import.meta.url));

export interface SampleDelivery {
  tracker: TrackerName;
  file: string;
  body: Record<string, unknown>;
}

/** Every sample delivery of one tracker, by file name. */
export async function readSampleDeliveries(tracker: TrackerName, dir = SAMPLES_DIR): Promise<Map<string, SampleDelivery>> {
  const folder = `${dir}${tracker}/`;
  const files = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  const samples = new Map<string, SampleDelivery>();
  for (const file of files) {
    samples.set(file, { tracker, file, body: JSON.parse(await readFile(`${folder}${file}`, 'utf8')) as Record<string, unknown> });
  }
  return samples;
}
