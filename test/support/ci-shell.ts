import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The checkout under test: what `$GITHUB_ACTION_PATH` (GitHub) and `$DONEGATE_HOME` (GitLab) point at. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ShellRun {
  code: number;
  out: string;
  err: string;
}

/** How the CI systems run a step: GitHub's `shell: bash`, and a GitLab job's script in bash or a plain `sh`. */
export const SHELLS = {
  'github bash': ['bash', '--noprofile', '--norc', '-eo', 'pipefail'],
  'gitlab bash': ['bash', '--noprofile', '--norc', '-eo', 'pipefail'],
  'gitlab sh': ['sh', '-e'],
} as const;

/**
 * Run a script as a CI system runs a step: written to a file and handed to the shell, with only the
 * variables given (and PATH), as a fresh runner would.
 */
export async function runStep(shell: readonly string[], script: string, env: Record<string, string>, cwd: string): Promise<ShellRun> {
  const file = join(cwd, `step-${Math.random().toString(36).slice(2)}.sh`);
  await writeFile(file, script);
  try {
    return await new Promise<ShellRun>((resolve) => {
      execFile(shell[0]!, [...shell.slice(1), file], { env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env }, cwd, timeout: 30_000 }, (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
      });
    });
  } finally {
    await rm(file, { force: true });
  }
}

export interface FakeDonegate {
  /** A directory to put first on PATH: its `donegate` records its arguments and exits 0, or as `setFakeExitCode` says. */
  bin: string;
  dir: string;
  /** The arguments of the last run, or undefined when donegate has not run since `reset`. */
  lastArgs: () => Promise<string[] | undefined>;
  /** DONEGATE_TOKEN as the last run saw it. */
  lastToken: () => Promise<string | undefined>;
  /** Forget the last run, before the next step runs. */
  reset: () => Promise<void>;
  cleanup: () => Promise<void>;
}

/** A stand-in `donegate` on PATH, so a test sees the exact `evidence submit` arguments a CI step passes. */
export async function fakeDonegate(): Promise<FakeDonegate> {
  const dir = await mkdtemp(join(tmpdir(), 'donegate-ci-'));
  const fake = {
    bin: join(dir, 'bin'),
    dir,
    lastArgs: async () => (await readIfThere(join(dir, 'args')))?.split('\0').slice(0, -1),
    lastToken: () => readIfThere(join(dir, 'token')),
    reset: async () => {
      await rm(join(dir, 'args'), { force: true });
      await rm(join(dir, 'token'), { force: true });
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
  await mkdir(fake.bin);
  const script = join(fake.bin, 'donegate');
  await writeFile(
    script,
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done > '${dir}/args'\nprintf '%s' "$DONEGATE_TOKEN" > '${dir}/token'\nexit "$(cat '${dir}/exit-code' 2>/dev/null || echo 0)"\n`,
  );
  await chmod(script, 0o755);
  return fake;
}

/** Make the fake donegate exit with this code from its next run. */
export async function setFakeExitCode(fake: FakeDonegate, code: number): Promise<void> {
  await writeFile(join(fake.dir, 'exit-code'), String(code));
}

async function readIfThere(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

/** A YAML file of this checkout, parsed. */
export async function readYaml(path: string): Promise<unknown> {
  return parse(await readFile(join(REPO_ROOT, path), 'utf8'));
}

/** `KEY=value` lines (GITHUB_OUTPUT, a GitLab dotenv report) as a record. */
export async function readKeyValues(path: string): Promise<Record<string, string>> {
  const text = await readIfThere(path);
  return Object.fromEntries((text ?? '').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/**
 * A stand-in `npm` for the install steps: `npm ci` links this checkout's node_modules instead of
 * downloading them, and `npm run build` does nothing, so bin/donegate.js runs the sources through tsx.
 */
export async function fakeNpm(dir: string): Promise<string> {
  const bin = join(dir, 'npm-bin');
  await mkdir(bin);
  await writeFile(join(bin, 'npm'), `#!/bin/sh\nif [ "$1" = ci ] && [ ! -e node_modules ]; then ln -s '${join(REPO_ROOT, 'node_modules')}' node_modules; fi\nexit 0\n`);
  await chmod(join(bin, 'npm'), 0o755);
  return bin;
}
