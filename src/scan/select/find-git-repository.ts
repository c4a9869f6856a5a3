import { lstat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { GitError, runGit } from './run-git.js';

export interface GitRepository {
  /** The work tree's top folder, as git prints it (symlinks resolved). */
  top: string;
  /** `$GIT_DIR/info/exclude`, the repository's own ignore rules that are not committed. */
  excludeFile: string;
}

async function hasGitEntry(folder: string): Promise<boolean> {
  try {
    await lstat(join(folder, '.git'));
    return true;
  } catch {
    return false;
  }
}

/**
 * The git work tree `folder` (a real path) is in, or undefined outside any. The folders above are looked at
 * first, so a folder outside a repository needs no git installed; git itself then says where the top is.
 */
export async function findGitRepository(folder: string): Promise<GitRepository | undefined> {
  let at = folder;
  while (!(await hasGitEntry(at))) {
    const up = dirname(at);
    if (up === at) return undefined;
    at = up;
  }
  let answer: Buffer;
  try {
    answer = await runGit(folder, ['rev-parse', '--show-toplevel', '--git-path', 'info/exclude']);
  } catch (error) {
    // A stray `.git` that is no repository: git would not honour a .gitignore here either.
    if (error instanceof GitError && error.message.startsWith('fatal: not a git repository')) return undefined;
    throw error;
  }
  const [top, excludeFile] = answer.toString('utf8').split('\n');
  if (!top || !excludeFile) return undefined;
  // `--git-path` answers relative to the folder git ran in unless the git folder lies elsewhere.
  return { top, excludeFile: isAbsolute(excludeFile) ? excludeFile : join(folder, excludeFile) };
}
