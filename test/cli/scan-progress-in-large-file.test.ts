import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runScanCommand } from '../../src/cli/run-scan-command.js';
import { createProgressLine } from '../../src/cli/scan-progress-line.js';
import { scanWithProgress } from '../../src/cli/scan-with-progress.js';

function capture(isTTY: boolean) {
  let text = '';
  const stream = Object.assign(new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), { isTTY });
  return { stream, text: () => text };
}

let dir: string;
let big: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'donegate-progress-'));
  big = join(dir, 'big.txt');
  // 12 MiB of plain lines: three progress steps inside the one file.
  const handle = await open(big, 'w');
  const block = Buffer.from('an ordinary line of text with nothing in it\n'.repeat(1 << 14));
  for (let written = 0; written < 12 << 20; written += block.length) await handle.write(block);
  await handle.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scan(options: { progress?: boolean }, isTTY: boolean) {
  const err = capture(isTTY);
  const code = await runScanCommand([big], { format: 'text', ...options }, { out: capture(false).stream, err: err.stream, env: {}, scan: scanWithProgress });
  return { code, stderr: err.text() };
}

describe('progress while a large file is read', () => {
  it('shows the file being read on a terminal, before the file ends, and clears the line', async () => {
    const { code, stderr } = await scan({}, true);
    expect(code).toBe(0);
    expect(stderr).toContain('\r\x1b[2Kscanning: 0 files, ');
    expect(stderr).toMatch(/scanning: 0 files, [4-9]\.\d MB, [\d.]+ MB\/s, reading .*big\.txt/);
    expect(stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('writes plain lines to a log with --progress', async () => {
    const { stderr } = await scan({ progress: true }, false);
    expect(stderr).toMatch(/^scanning: 0 files, [\d.]+ MB, [\d.]+ MB\/s, reading .*big\.txt\n/);
    expect(stderr).not.toContain('\x1b');
  });

  it('prints nothing on stderr when it is not a terminal and --progress is not given', async () => {
    expect((await scan({}, false)).stderr).toBe('');
  });
});

describe('the progress line', () => {
  it('shows a control character in a file name as ?, so a name cannot send a terminal escape', () => {
    const err = capture(true);
    createProgressLine(err.stream).update({ files: 0, bytes: 1, file: 'data/\x1b]0;pwned\x07.csv' });
    expect(err.text()).toContain('reading data/?]0;pwned?.csv');
  });
});
