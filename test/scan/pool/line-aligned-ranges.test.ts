import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineAlignedRanges } from '../../../src/scan/pool/line-aligned-ranges.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'donegate-ranges-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lineAlignedRanges', () => {
  it('cuts just after newlines, covers every byte once, and keeps a line longer than a range whole', async () => {
    const path = join(dir, 'mixed.txt');
    const text = ['short', 'x'.repeat(5000), 'naïve 😀 line', ...Array.from({ length: 300 }, (_, index) => `row ${index}`), 'no final newline'].join('\n');
    await writeFile(path, text);
    const bytes = await readFile(path);
    const ranges = await lineAlignedRanges(path, bytes.length, 1000);
    expect(ranges.length).toBeGreaterThan(2);
    expect(ranges[0]?.start).toBe(0);
    expect(ranges.at(-1)?.end).toBeUndefined();
    for (let index = 1; index < ranges.length; index++) {
      expect(ranges[index]?.start).toBe(ranges[index - 1]?.end);
      expect(bytes[(ranges[index]?.start ?? 0) - 1]).toBe(10);
    }
    // The 5000-byte line is in one range.
    const long = bytes.indexOf('x'.repeat(5000));
    expect(ranges.some((range) => range.start <= long && (range.end ?? bytes.length) >= long + 5000)).toBe(true);
  });

  it('leaves a file no bigger than one and a half ranges whole', async () => {
    const path = join(dir, 'small.txt');
    await writeFile(path, 'a\n'.repeat(700));
    expect(await lineAlignedRanges(path, 1400, 1000)).toEqual([{ start: 0 }]);
  });
});
