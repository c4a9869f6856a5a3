/**
 * Writes the 25 MB CSV and JSONL files (and `.txt` copies, read as plain text) that the per-change
 * CPU-second comparisons in BENCHMARKS.md use: `npx tsx bench/scan-perf-files.mts DIR`.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generateFile } from './scan-generate.js';

const folder = process.argv[2] ?? '/tmp/donegate-scan-perf';
await mkdir(folder, { recursive: true });
await generateFile(join(folder, 'records.csv'), 'csv', 25e6, 20261126);
await generateFile(join(folder, 'events.jsonl'), 'jsonl', 25e6, 20261127);
await copyFile(join(folder, 'records.csv'), join(folder, 'records.txt'));
await copyFile(join(folder, 'events.jsonl'), join(folder, 'events.txt'));
