import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Detector } from '../../../src/scan/index.js';
import { scanToReport } from '../../../src/scan/index.js';

// A detector the workers could not build from plain options: only this thread knows it.
const ticketRef: Detector = {
  id: 'ticket-ref',
  kind: 'secret',
  version: 1,
  pattern: /TKT-\d{6}/g,
  prefilter: (text) => text.includes('TKT-'),
  validate: () => ({ confidence: 'high' }),
  mask: () => 'TKT-******',
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'donegate-pool-custom-'));
  const lines = Array.from({ length: 20_000 }, (_, index) => `line ${index} ref TKT-${String(index).padStart(6, '0')} mail a${index}@acme.io`);
  await writeFile(join(dir, 'refs.log'), `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a scan with detectors passed as objects', () => {
  it('runs them on this thread even when the pool would start, so none of their findings is lost', async () => {
    const report = await scanToReport([dir], { detectors: [ticketRef], threads: 2, poolTuning: { minBytes: 1 << 10, splitBytes: 1 << 12, rangeBytes: 1 << 12 } });
    expect(report.summary.byDetector).toEqual({ 'ticket-ref': 20_000 });
  });
});
