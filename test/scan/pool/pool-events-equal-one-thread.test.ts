import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateFile } from '../../../bench/scan-generate.js';
import type { ScanEvent, ScanOptions } from '../../../src/scan/index.js';
import { FingerprintKey, scanPaths } from '../../../src/scan/index.js';

const fingerprintKey = FingerprintKey.random();
// Small enough that a test-sized tree starts the pool and its big file is cut into many ranges.
const poolTuning = { minBytes: 1 << 16, minFiles: 10_000, splitBytes: 1 << 18, rangeBytes: 1 << 16 };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'donegate-pool-'));
  await mkdir(join(dir, 'many'));
  for (let index = 0; index < 40; index++) {
    const lines = Array.from({ length: 50 }, (_, line) => (line % 7 === index % 7 ? `row ${line}: mail jane${index}@acme.io, card 4111 1111 1111 1111` : `row ${line}: nothing here ${index * line}`));
    await writeFile(join(dir, 'many', `note-${String(index).padStart(2, '0')}.txt`), `${lines.join('\n')}\n`);
  }
  await writeFile(join(dir, 'many', 'people.csv'), 'id,"note",contact\n1,"two\nlines, here",a@acme.io\n2,x,536-22-1234\n');
  await writeFile(join(dir, 'many', 'packed.txt.gz'), gzipSync('token AKIAIOSFODNN7EXAMPLE here\nb@acme.io\n'));
  await writeFile(join(dir, 'many', 'blob.bin'), Buffer.from([0, 1, 2, 3, 0x40, 0]));
  await generateFile(join(dir, 'events.jsonl'), 'jsonl', 1_500_000, 7);
  await generateFile(join(dir, 'records.csv'), 'csv', 600_000, 8);
  // One big plain-text file with a BOM, CRLF, astral characters, a U+FEFF starting a later line, and no final newline.
  const big: string[] = ['\uFEFFfirst line jane@acme.io'];
  for (let line = 0; line < 40_000; line++) {
    if (line % 97 === 0) big.push(`😀 ${line} mail x${line}@acme.org\r`);
    else if (line % 1013 === 0) big.push(`\uFEFFzero width ${line} ip 10.1.2.${line % 250}`);
    else big.push(`plain line ${line} with words and 12345 numbers`);
  }
  big.push('last 536-22-1234 without newline');
  await writeFile(join(dir, 'big.log'), big.join('\n'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function eventsOf(options: ScanOptions): Promise<ScanEvent[]> {
  const events: ScanEvent[] = [];
  for await (const event of scanPaths([dir, join(dir, 'missing.txt')], { fingerprintKey, poolTuning, ...options })) if (event.type !== 'progress') events.push(event);
  return events;
}

describe('the scan pool', () => {
  it('yields exactly the events of one thread, in the same order, over many files and one big file cut into ranges', async () => {
    const one = await eventsOf({ threads: 1 });
    const pooled = await eventsOf({ threads: 3 });
    expect(one.filter((event) => event.type === 'finding').length).toBeGreaterThan(1000);
    expect(pooled).toEqual(one);
  });

  it('gives the same findings as one thread when ranges are a few lines long', async () => {
    const one = await eventsOf({ threads: 1, defaultCountry: 'GB' });
    const pooled = await eventsOf({ threads: 2, defaultCountry: 'GB', poolTuning: { ...poolTuning, rangeBytes: 1 << 10 } });
    expect(pooled).toEqual(one);
  });
});
