import { execFile } from 'node:child_process';

/** git could not answer: not installed, not a repository, an unknown ref. `message` says what to do. */
export class GitError extends Error {
  override name = 'GitError';
}

/** More output than this (a listing of millions of paths) is refused rather than held in memory. */
const MAX_OUTPUT_BYTES = 256 << 20;

/**
 * Runs git in `cwd` without a shell and returns what it printed. The repository being scanned is written by
 * the people the gate checks, so its own configuration must not run anything: the file-system monitor hook
 * (`core.fsmonitor`) is switched off, and no command here diffs contents (so no external diff or textconv).
 * Messages are git's untranslated ones (`LC_ALL=C`), so they can be recognised.
 */
export function runGit(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', ...args],
      { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES, env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitError('git is not installed or not on PATH'));
        const said = stderr.toString('utf8').split('\n').find((line) => line.trim().length > 0) ?? `git ${args[0] ?? ''} exited with ${String(error.code ?? error.signal)}`;
        reject(new GitError(said.trim()));
      },
    );
  });
}

/** The NUL-separated paths git prints with `-z`, without the empty one after the last NUL. */
export const splitNul = (output: Buffer): string[] => output.toString('utf8').split('\0').filter((path) => path.length > 0);
