import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FingerprintKey, scanToReport } from '../../../src/scan/index.js';
import type { ScanReport, ScanSelection } from '../../../src/scan/scan-types.js';

/** A folder of files (path → content), made under the system temp folder, which is in no git repository. */
export async function makeTree(files: Record<string, string>): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'donegate-select-')));
  await writeTree(dir, files);
  return dir;
}

export async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** Runs git in `dir` as a test author, with no global or system configuration read. */
export function git(dir: string, ...args: string[]): string {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  return execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
}

export function initRepository(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
}

const KEY = FingerprintKey.random();

/** Scans with a selection; answers the scanned files relative to `dir`, and the report. */
export async function scanSelected(dir: string, select: Partial<ScanSelection>, paths: string[] = [dir]): Promise<{ files: string[]; report: ScanReport }> {
  const report = await scanToReport(paths, { fingerprintKey: KEY, select: { gitignore: true, include: [], exclude: [], ...select } });
  return { files: report.files.map((file) => file.file.slice(dir.length + 1)), report };
}
