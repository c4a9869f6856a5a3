import { lstat, opendir, realpath, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';

export type WalkEntry = { type: 'file'; path: string; file: string } | { type: 'error'; file: string; code: string };

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO';

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * Lists the files under each path, depth first in name order so reports are stable. Names in `exclude` are
 * never entered. A symlink inside a directory is followed only when it resolves to a regular file inside
 * the same tree; symlinked directories are not followed, so there are no cycles and nothing outside is read.
 * A path given explicitly is taken as given, symlink or not.
 */
export async function* walkPaths(paths: readonly string[], exclude: ReadonlySet<string>): AsyncGenerator<WalkEntry> {
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      yield { type: 'error', file: toPosix(given), code: codeOf(error) };
      continue;
    }
    if (!info.isDirectory()) {
      yield { type: 'file', path: given, file: toPosix(given) };
      continue;
    }
    const root = await realpath(given);
    yield* walkDirectory(given, toPosix(given), root, exclude);
  }
}

async function* walkDirectory(path: string, file: string, root: string, exclude: ReadonlySet<string>): AsyncGenerator<WalkEntry> {
  let names: Array<{ name: string; directory: boolean; symlink: boolean; file: boolean }>;
  try {
    names = [];
    for await (const entry of await opendir(path)) {
      names.push({ name: entry.name, directory: entry.isDirectory(), symlink: entry.isSymbolicLink(), file: entry.isFile() });
    }
  } catch (error) {
    yield { type: 'error', file, code: codeOf(error) };
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    if (exclude.has(entry.name)) continue;
    const childPath = join(path, entry.name);
    const childFile = posix.join(file, entry.name);
    if (entry.directory) yield* walkDirectory(childPath, childFile, root, exclude);
    else if (entry.file) yield { type: 'file', path: childPath, file: childFile };
    else if (entry.symlink && (await isFileInside(childPath, root))) yield { type: 'file', path: childPath, file: childFile };
  }
}

async function isFileInside(path: string, root: string): Promise<boolean> {
  try {
    const target = await realpath(path);
    const inside = !relative(root, target).startsWith('..');
    return inside && (await lstat(target)).isFile();
  } catch {
    return false;
  }
}
