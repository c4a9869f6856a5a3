import { lstat, opendir, realpath, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import type { SelectionSkip } from './scan-types.js';
import type { PathSelection, RootSelection } from './select/select-paths.js';

export type WalkEntry =
  | { type: 'file'; path: string; file: string }
  | { type: 'error'; file: string; code: string }
  /** A file, or a folder not entered, that the selection left out. */
  | { type: 'skipped'; file: string; reason: SelectionSkip; folder: boolean };

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO';

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * Lists the files under each path, depth first in name order so reports are stable. Names in `exclude` are
 * never entered. A symlink inside a directory is followed only when it resolves to a regular file inside
 * the same tree; symlinked directories are not followed, so there are no cycles and nothing outside is read.
 * A path given explicitly is taken as given, symlink or not, and always scanned; under a folder, `selection`
 * (`.gitignore`, globs, `--since`) chooses, and what it leaves out is listed as `skipped`.
 */
export async function* walkPaths(paths: readonly string[], exclude: ReadonlySet<string>, selection?: PathSelection): AsyncGenerator<WalkEntry> {
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      yield { type: 'error', file: toPosix(given), code: codeOf(error) };
      continue;
    }
    if (!info.isDirectory()) {
      await selection?.forFile(given);
      yield { type: 'file', path: given, file: toPosix(given) };
      continue;
    }
    const root = await realpath(given);
    const chosen = await selection?.forFolder(root);
    yield* walkDirectory(given, toPosix(given), root, exclude, chosen && { chosen, relative: '' });
  }
}

async function* walkDirectory(
  path: string,
  file: string,
  root: string,
  exclude: ReadonlySet<string>,
  selection?: { chosen: RootSelection; relative: string },
): AsyncGenerator<WalkEntry> {
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
  await selection?.chosen.enter(selection.relative, path, names.some((entry) => entry.name === '.gitignore' && entry.file));
  for (const entry of names) {
    if (exclude.has(entry.name)) continue;
    const childPath = join(path, entry.name);
    const childFile = posix.join(file, entry.name);
    const childRelative = selection && (selection.relative === '' ? entry.name : `${selection.relative}/${entry.name}`);
    const isFile = entry.file || (entry.symlink && !entry.directory && (await isFileInside(childPath, root)));
    if (!entry.directory && !isFile) continue;
    const reason = selection && childRelative !== undefined ? selection.chosen.skip(childRelative, entry.directory) : undefined;
    if (reason) yield { type: 'skipped', file: childFile, reason, folder: entry.directory };
    else if (entry.directory) yield* walkDirectory(childPath, childFile, root, exclude, selection && childRelative !== undefined ? { chosen: selection.chosen, relative: childRelative } : undefined);
    else yield { type: 'file', path: childPath, file: childFile };
  }
  selection?.chosen.leave(selection.relative);
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
