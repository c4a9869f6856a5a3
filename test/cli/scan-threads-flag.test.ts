import { Writable } from 'node:stream';
import { runScanCommand } from '../../src/cli/run-scan-command.js';
import { scanReport } from '../scan-report/scan-report-fixture.js';

const sink = (): Writable & { text: () => string } => {
  let text = '';
  return Object.assign(new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), { text: () => text });
};

describe('donegate scan --threads', () => {
  it('passes the number of threads to the scan', async () => {
    let seen: number | undefined;
    await runScanCommand(['data/'], { format: 'json', threads: '1' }, { out: sink(), err: sink(), env: {}, scan: async (_paths, { threads }) => ((seen = threads), scanReport([])) });
    expect(seen).toBe(1);
  });

  it.each(['0', '2.5', 'all'])('exits 2 on --threads %s, naming the flag', async (threads) => {
    const err = sink();
    let scanned = false;
    const code = await runScanCommand(['data/'], { format: 'json', threads }, { out: sink(), err, env: {}, scan: async () => ((scanned = true), scanReport([])) });
    expect(code).toBe(2);
    expect(scanned).toBe(false);
    expect(err.text()).toMatch(/--threads takes a whole number of threads/);
  });
});
