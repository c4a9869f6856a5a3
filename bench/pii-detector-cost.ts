/**
 * `npx tsx bench/pii-detector-cost.ts [src/scan/index.ts]`: CPU seconds each PII detector alone spends on the
 * generated 10 MB CSV + JSONL of `bench:scan` (seeds 7 and 8), and what it finds there: the only planted PII
 * is e-mail, Visa cards, `+1` phones and IBANs, so any other finding is a false alarm. The optional argument
 * loads another checkout's scanner (e.g. an extracted base commit) for a before/after comparison.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Detector, LineMatch } from '../src/scan/index.js';
import { generateFile } from './scan-generate.js';

interface Scanner {
  createDefaultDetectors(options: { defaultCountry: 'US' }): Detector[];
  matchLine(text: string, detectors: readonly Detector[]): LineMatch[];
}

const source = resolve(process.argv[2] ?? 'src/scan/index.ts');
const { createDefaultDetectors, matchLine } = (await import(source)) as Scanner;
const files = [join(tmpdir(), 'pii-cost.csv'), join(tmpdir(), 'pii-cost.jsonl')];
await generateFile(files[0]!, 'csv', 5_000_000, 7);
await generateFile(files[1]!, 'jsonl', 5_000_000, 8);
const lines = (await Promise.all(files.map((file) => readFile(file, 'utf8')))).flatMap((text) => text.split('\n'));
await Promise.all(files.map((file) => rm(file)));

const pii = createDefaultDetectors({ defaultCountry: 'US' }).filter((detector) => detector.kind === 'pii');
console.log('detector             CPU s   findings');
for (const detector of pii) {
  for (const line of lines.slice(0, 5000)) matchLine(line, [detector]);
  let findings = 0;
  const start = process.cpuUsage();
  for (const line of lines) findings += matchLine(line, [detector]).length;
  const used = process.cpuUsage(start);
  console.log(`${detector.id.padEnd(18)} ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} ${String(findings).padStart(10)}`);
}
