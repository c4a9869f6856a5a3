import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { git, initRepository, makeTree, scanSelected, writeTree } from './git-fixture.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A repository with a commit on main, and a branch `work` started from it. */
async function repository(files: Record<string, string>): Promise<string> {
  const made = await makeTree(files);
  initRepository(made);
  git(made, 'add', '.');
  git(made, 'commit', '-q', '-m', 'base');
  git(made, 'checkout', '-q', '-b', 'work');
  return made;
}

describe('--since <ref>', () => {
  it('scans files committed, renamed, staged, changed and untracked since the ref, and skips deleted and ignored ones', async () => {
    dir = await repository({ '.gitignore': '*.tmp\n', 'same.txt': 'a@acme.io', 'old name.txt': 'b@acme.io', 'gone.txt': 'c@acme.io', 'edit.txt': 'd', 'stage.txt': 'e' });
    await rename(join(dir, 'old name.txt'), join(dir, 'new\nname.txt'));
    await rm(join(dir, 'gone.txt'));
    await writeTree(dir, { 'committed/one.txt': 'f@acme.io' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'work');
    await writeTree(dir, { 'stage.txt': 'g@acme.io', 'edit.txt': 'h@acme.io', 'untracked file.txt': 'i@acme.io', 'scratch.tmp': 'j@acme.io' });
    git(dir, 'add', 'stage.txt');
    const { files, report } = await scanSelected(dir, { since: 'main' });
    expect(files).toEqual(['committed/one.txt', 'edit.txt', 'new\nname.txt', 'stage.txt', 'untracked file.txt']);
    expect(report.selection).toMatchObject({ since: 'main', skipped: { unchanged: { files: 2, folders: 0 }, gitignore: { files: 1, folders: 0 } } });
  });

  it('compares with where the branch forked, so later commits on the ref do not count', async () => {
    dir = await repository({ 'a.txt': 'a' });
    git(dir, 'checkout', '-q', 'main');
    await writeTree(dir, { 'main-only.txt': 'x@acme.io' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'main moves on');
    git(dir, 'checkout', '-q', 'work');
    await writeTree(dir, { 'mine.txt': 'y@acme.io' });
    const { files } = await scanSelected(dir, { since: 'main' });
    expect(files).toEqual(['mine.txt']);
  });

  it('refuses a ref that is not a commit, naming it', async () => {
    dir = await repository({ 'a.txt': 'a' });
    await expect(scanSelected(dir, { since: 'no-such-branch' })).rejects.toThrow(/--since: "no-such-branch" is not a commit/);
  });

  it('refuses to run outside a git repository', async () => {
    dir = await makeTree({ 'a.txt': 'a' });
    await expect(scanSelected(dir, { since: 'main' })).rejects.toThrow(/--since needs a git repository/);
  });
});
