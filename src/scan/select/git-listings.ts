import { GitError, runGit, splitNul } from './run-git.js';
import { createPathSet, type PathSet } from './path-set.js';

/** The files git tracks (its index), repository-relative: `.gitignore` cannot hide these, in git or here. */
export async function trackedFiles(top: string): Promise<PathSet> {
  return createPathSet(splitNul(await runGit(top, ['ls-files', '-z', '--cached'])));
}

/**
 * The files that differ from `ref`: changed on this branch since it forked from `ref` (`ref...HEAD`),
 * staged, unstaged, and untracked (but not ignored, unless `.gitignore` is not honoured). Deleted files are listed too; the walk never meets them.
 */
export async function filesChangedSince(top: string, ref: string, honourGitignore: boolean): Promise<PathSet> {
  try {
    await runGit(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new GitError(`--since: ${JSON.stringify(ref)} is not a commit in the repository at ${top}${error.message ? ` (${error.message})` : ''}; give a branch, tag or commit, e.g. --since origin/main`);
  }
  const diff = ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv'];
  const listings = await Promise.all([
    runGit(top, [...diff, `${ref}...HEAD`, '--']),
    runGit(top, [...diff, '--cached', '--']),
    runGit(top, [...diff, '--']),
    runGit(top, ['ls-files', '-z', '--others', ...(honourGitignore ? ['--exclude-standard'] : [])]),
  ]);
  return createPathSet(listings.flatMap(splitNul));
}
