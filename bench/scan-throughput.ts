import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFile, PII_ROW_SHARE } from './scan-generate.js';

/** Email or card, as a reviewer would grep for them; counted per line (`grep -c`). */
export const GREP_PATTERN = '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}|[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}';

export interface ScannerRun {
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  findings: number;
  byDetector: Record<string, number>;
  skipped: number;
  sampledPeakRss: number;
  /** The kernel's figure from `/usr/bin/time -v` (bytes), when available. */
  maxRss?: number;
  mbPerSecond: number;
}

export interface BaselineRun {
  tool: string;
  command: string;
  seconds: number;
  matchingLines: number;
  mbPerSecond: number;
}

export interface ThroughputRun {
  targetBytes: number;
  files: Array<{ name: string; rows: number; bytes: number }>;
  bytes: number;
  piiRowShare: number;
  /** With the worker pool (one thread per CPU). */
  scanner: ScannerRun;
  /** With `threads: 1`: the scanner on one thread. */
  oneThread: ScannerRun;
  baseline: BaselineRun;
  /** Scanner MB/s ÷ baseline MB/s, with the pool and on one thread. */
  ratio: number;
  oneThreadRatio: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
}

const TIME = '/usr/bin/time';
const mb = (bytes: number, seconds: number): number => bytes / 1e6 / seconds;

async function runScanner(folder: string, threads?: number): Promise<ScannerRun> {
  const child = fileURLToPath(new URL('./scan-child.ts', import.meta.url));
  const node = [process.execPath, '--import', 'tsx', child, folder];
  const timed = existsSync(TIME);
  const env = threads === undefined ? process.env : { ...process.env, SCAN_THREADS: String(threads) };
  const { stdout, stderr, code } = timed ? await run(TIME, ['-v', ...node], env) : await run(node[0]!, node.slice(1), env);
  if (code !== 0) throw new Error(`scanner child exited with ${code}: ${stderr.slice(-2000)}`);
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Omit<ScannerRun, 'mbPerSecond' | 'maxRss'>;
  const kib = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  return { ...result, ...(kib ? { maxRss: Number(kib) * 1024 } : {}), mbPerSecond: mb(result.bytes, result.seconds) };
}

async function runBaseline(files: string[], bytes: number): Promise<BaselineRun> {
  const rg = (await run('sh', ['-c', 'command -v rg']).catch(() => ({ stdout: '' }))).stdout.trim();
  const [tool, args] = rg ? ['rg', ['-c', '--no-filename', '-e', GREP_PATTERN, ...files]] : ['grep', ['-cE', '-h', GREP_PATTERN, ...files]];
  // The C locale is grep's fastest mode (no multibyte decoding): the baseline at its best.
  const env = { ...process.env, LC_ALL: 'C' };
  const started = performance.now();
  const { stdout, code } = await run(tool === 'rg' ? rg : tool, args as string[], env);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`${tool} exited with ${code}`);
  const matchingLines = stdout.trim().split('\n').reduce((sum, line) => sum + Number(line || 0), 0);
  return { tool, command: `LC_ALL=C ${tool} ${tool === 'rg' ? '-c' : '-cE'} '${GREP_PATTERN}' FILES`, seconds, matchingLines, mbPerSecond: mb(bytes, seconds) };
}

/**
 * Generates a seeded CSV + JSONL pair of about `targetBytes` in a temporary folder, times the baseline and
 * the scanner over the same files (the baseline first, so both read from the page cache), with the pool
 * and on one thread, and removes it.
 */
export async function benchThroughput(targetBytes: number, seed: number): Promise<ThroughputRun> {
  const folder = await mkdtemp(join(tmpdir(), 'donegate-scan-bench-'));
  try {
    const csv = await generateFile(join(folder, 'records.csv'), 'csv', targetBytes / 2, seed);
    const jsonl = await generateFile(join(folder, 'events.jsonl'), 'jsonl', targetBytes / 2, seed + 1);
    const files = [
      { name: 'records.csv', ...csv },
      { name: 'events.jsonl', ...jsonl },
    ];
    const bytes = csv.bytes + jsonl.bytes;
    const paths = files.map((file) => join(folder, file.name));
    await runBaseline(paths, bytes); // warm the page cache
    const baseline = await runBaseline(paths, bytes);
    const scanner = await runScanner(folder);
    const oneThread = await runScanner(folder, 1);
    const ratio = scanner.mbPerSecond / baseline.mbPerSecond;
    return { targetBytes, files, bytes, piiRowShare: PII_ROW_SHARE, scanner, oneThread, baseline, ratio, oneThreadRatio: oneThread.mbPerSecond / baseline.mbPerSecond };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
