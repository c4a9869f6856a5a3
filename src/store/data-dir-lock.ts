import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What the lock file in a PGlite `DATA_DIR` says about the process that owns the directory. */
export interface DataDirHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

/** A second process asked for a `DATA_DIR` another live process owns. The CLI exits 2 on it. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirHolder,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by \`${holder.command}\` (pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, since ${holder.since}); run admin commands against it with --url <its URL> and an admin token in DONEGATE_TOKEN, or stop it; use DATABASE_URL for several processes`,
    );
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Remove the lock file, if it is still ours. Safe to call more than once. */
  release: () => void;
}

export const LOCK_FILE_NAME = 'donegate.lock';

/** The command line that names this process in the lock: `donegate` and its subcommand words. */
export function currentCommand(argv: readonly string[] = process.argv): string {
  const words: string[] = [];
  for (const arg of argv.slice(2)) {
    if (arg.startsWith('-') || words.length === 2) break;
    words.push(arg);
  }
  return ['donegate', ...words].join(' ');
}

function readHolder(file: string): DataDirHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DataDirHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return { pid: parsed.pid, host: parsed.host, command: String(parsed.command ?? 'donegate'), since: String(parsed.since ?? 'an unknown time') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    return undefined;
  }
}

/** The lock files this process holds: a lock naming our own pid that is not among them was left by an earlier process given the same pid (a restarted container's pid 1). */
const heldHere = new Set<string>();

function isAlive(pid: number, file: string): boolean {
  if (pid === process.pid) return heldHere.has(file);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Make this process the only owner of `dataDir` (which must exist): create `donegate.lock` there with
 * O_EXCL, holding pid, host, command and start time. A lock left by a process that no longer runs on this
 * host (or an unreadable one) is taken over and reported through `onTakeover`; a live holder, or one on
 * another host, makes this throw DataDirInUseError. The lock is removed by `release` and, as a backstop,
 * when the process exits.
 */
export function acquireDataDirLock(
  dataDir: string,
  options: { command?: string; onTakeover?: (stale: DataDirHolder | undefined, file: string) => void } = {},
): DataDirLock {
  const file = join(dataDir, LOCK_FILE_NAME);
  const mine: DataDirHolder = { pid: process.pid, host: hostname(), command: options.command ?? currentCommand(), since: new Date().toISOString() };
  const content = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: DataDirHolder | undefined;
      try {
        holder = readHolder(file);
      } catch {
        continue; // removed meanwhile: try again
      }
      if (holder && (holder.host !== mine.host || isAlive(holder.pid, file))) throw new DataDirInUseError(dataDir, holder);
      try {
        unlinkSync(file);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
      options.onTakeover?.(holder, file);
      continue;
    }
    let released = false;
    heldHere.add(file);
    const release = () => {
      if (released) return;
      released = true;
      heldHere.delete(file);
      process.off('exit', release);
      try {
        if (readFileSync(file, 'utf8') === content) unlinkSync(file);
      } catch {
        // already gone
      }
    };
    process.on('exit', release);
    return { file, release };
  }
  throw new Error(`could not take the lock ${file}: it keeps changing`);
}
