import { Command } from 'commander';
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerScanCommand } from '../../src/cli/scan-command.js';
import { scanWithProgress } from '../../src/cli/scan-with-progress.js';
import type { ScanFunction } from '../../src/cli/run-scan-command.js';
import type { ScanSelection } from '../../src/scan/scan-types.js';
import { scanReport } from '../scan-report/scan-report-fixture.js';

function capture() {
  let text = '';
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } });
  return { stream, text: () => text };
}

/** Runs `donegate scan ARGS` through commander, with a scanner that records the selection it is given. */
async function run(...args: string[]) {
  return runWith(async (_paths, options) => {
    selections.push(options.select);
    return scanReport([]);
  }, ...args);
}

let selections: Array<ScanSelection | undefined> = [];
beforeEach(() => {
  selections = [];
});

async function runWith(scan: ScanFunction, ...args: string[]) {
  const err = capture();
  let code = -1;
  const program = new Command().exitOverride();
  registerScanCommand(program, { scan, out: capture().stream, err: err.stream, env: {}, setExitCode: (c) => (code = c) });
  await program.parseAsync(['node', 'donegate', 'scan', ...args]);
  return { code, stderr: err.text(), selection: selections[0] };
}

describe('donegate scan --since with the real scanner', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'donegate-since-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 2 with what to do outside a git repository', async () => {
    const { code, stderr } = await runWith(scanWithProgress, dir, '--since', 'main');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^donegate scan: --since needs a git repository, and .* is not inside one\n$/);
  });
});

describe('donegate scan selection flags', () => {
  it('honours .gitignore by default, with no globs and no ref', async () => {
    expect((await run('.')).selection).toEqual({ gitignore: true, include: [], exclude: [] });
  });

  it('passes --no-gitignore, repeated --include and --exclude, and --since to the scanner', async () => {
    const { code, selection } = await run('.', '--no-gitignore', '--include', '**/*.csv', '--include', '*.md', '--exclude', 'vendor/', '--since', 'origin/main');
    expect(code).toBe(0);
    expect(selection).toEqual({ gitignore: false, include: ['**/*.csv', '*.md'], exclude: ['vendor/'], since: 'origin/main' });
  });

  it.each([
    ['a ref that git would read as an option', ['--since=--output=/tmp/x'], /--since takes a git ref/],
    ['an empty glob', ['--exclude', ''], /--include and --exclude take a non-empty glob/],
  ])('refuses %s with exit 2 before scanning', async (_name, flags, message) => {
    const { code, stderr, selection } = await run('.', ...flags);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(selection).toBeUndefined();
  });
});
