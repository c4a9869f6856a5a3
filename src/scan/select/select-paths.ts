import { open, realpath } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ScanSelection, SelectionSkip } from '../scan-types.js';
import { findGitRepository, type GitRepository } from './find-git-repository.js';
import { filesChangedSince, trackedFiles } from './git-listings.js';
import { createGitignoreLayers } from './gitignore-layers.js';
import { createPathGlobs } from './path-globs.js';
import type { PathSet } from './path-set.js';
import { GitError } from './run-git.js';

/** The choices for one scanned folder, asked by the walk as it goes; paths are relative to that folder. */
export interface RootSelection {
  /** The walk enters `folder` (whose `.gitignore`, when `hasGitignore`, now applies). */
  enter(folder: string, path: string, hasGitignore: boolean): Promise<void>;
  leave(folder: string): void;
  skip(path: string, folder: boolean): SelectionSkip | undefined;
}

/** Larger `.gitignore` files are not read (and so not honoured): real ones are a few KiB. */
const MAX_GITIGNORE_BYTES = 1 << 20;

async function readSmallFile(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
    if ((await handle.stat()).size > MAX_GITIGNORE_BYTES) return undefined;
    return await handle.readFile('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

const toPosix = (path: string): string => path.split(sep).join('/');
const joinPath = (base: string, path: string): string => (base === '' ? path : path === '' ? base : `${base}/${path}`);

/**
 * Chooses the paths to scan under each folder given: `.gitignore` (root, nested and `.git/info/exclude`, only
 * inside a git work tree, and never for a file git tracks), `--exclude`/`--include` globs, and `--since`.
 * Git answers are asked once per repository. Throws `GitError` when git is needed and cannot answer.
 */
export function createPathSelection(selection: ScanSelection) {
  const globs = createPathGlobs(selection.include, selection.exclude);
  const listings = new Map<string, Promise<{ tracked?: PathSet; changed?: PathSet }>>();
  const listingsOf = (top: string) => {
    let known = listings.get(top);
    if (!known) {
      known = Promise.all([
        selection.gitignore ? trackedFiles(top) : undefined,
        selection.since !== undefined ? filesChangedSince(top, selection.since, selection.gitignore) : undefined,
      ]).then(([tracked, changed]) => ({ ...(tracked ? { tracked } : {}), ...(changed ? { changed } : {}) }));
      listings.set(top, known);
    }
    return known;
  };
  const gitFacts = async (folder: string): Promise<({ repository: GitRepository } & Awaited<ReturnType<typeof listingsOf>>) | undefined> => {
    try {
      const repository = await findGitRepository(folder);
      if (!repository) {
        if (selection.since !== undefined) throw new GitError(`--since needs a git repository, and ${folder} is not inside one`);
        return undefined;
      }
      return { repository, ...(await listingsOf(repository.top)) };
    } catch (error) {
      // e.g. "detected dubious ownership" in a CI container whose checkout belongs to another user.
      if (!(error instanceof GitError) || selection.since !== undefined) throw error;
      throw new GitError(`${error.message}; honouring .gitignore in a git work tree needs git to list the files it tracks (${folder}): fix that, or scan with --no-gitignore`);
    }
  };

  /** Checks what `--since` needs for a file named on the command line, which is then scanned whatever changed. */
  async function forFile(path: string): Promise<void> {
    if (selection.since !== undefined) await gitFacts(dirname(await realpath(path)));
  }

  async function forFolder(realRoot: string): Promise<RootSelection> {
    const facts = selection.gitignore || selection.since !== undefined ? await gitFacts(realRoot) : undefined;
    // Paths git prints are relative to the top of the work tree; the walk's are relative to the scanned folder.
    const base = facts ? toPosix(relative(await realpath(facts.repository.top), realRoot)) : '';
    let layers = facts?.tracked ? createGitignoreLayers() : undefined;
    if (facts && layers) {
      const exclude = await readSmallFile(facts.repository.excludeFile);
      if (exclude !== undefined) layers.push('', exclude);
      // The .gitignore files above the scanned folder apply to it too...
      const parts = base === '' ? [] : base.split('/');
      for (let depth = 0; depth < parts.length; depth++) {
        const folder = parts.slice(0, depth).join('/');
        const text = await readSmallFile(join(facts.repository.top, folder, '.gitignore'));
        if (text !== undefined) layers.push(folder, text);
      }
      // ...unless they ignore the folder itself: one named on the command line is scanned, like a file, by its own rules.
      if (base !== '' && layers.ignores(base, true)) layers = createGitignoreLayers();
    }
    return {
      async enter(folder, path, hasGitignore) {
        if (!layers || !hasGitignore) return;
        const text = await readSmallFile(join(path, '.gitignore'));
        if (text !== undefined) layers.push(joinPath(base, folder), text);
      },
      leave(folder) {
        layers?.pop(joinPath(base, folder));
      },
      skip(path, folder) {
        const inRepository = joinPath(base, path);
        const tracked = facts?.tracked && (folder ? facts.tracked.holds(inRepository) : facts.tracked.has(inRepository));
        if (layers && !tracked && layers.ignores(inRepository, folder)) return 'gitignore';
        const globbed = globs.skip(path, folder);
        if (globbed) return globbed;
        if (facts?.changed && !(folder ? facts.changed.holds(inRepository) : facts.changed.has(inRepository))) return 'unchanged';
        return undefined;
      },
    };
  }
  return { forFile, forFolder };
}

export type PathSelection = ReturnType<typeof createPathSelection>;
