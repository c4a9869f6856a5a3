import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { git, initRepository, makeTree, scanSelected, writeTree } from './git-fixture.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scanning a git work tree', () => {
  it('leaves out what the root and nested .gitignore files and .git/info/exclude ignore, and re-includes a negated name', async () => {
    dir = await makeTree({
      '.gitignore': '*.log\nbuild/\n!keep.log\n',
      'app.log': 'a@acme.io',
      'keep.log': 'b@acme.io',
      'build/out.txt': 'c@acme.io',
      'src/main.txt': 'd@acme.io',
      'src/.gitignore': 'local.txt\n!debug.log\n',
      'src/local.txt': 'e@acme.io',
      'src/debug.log': 'f@acme.io',
      'notes.txt': 'g@acme.io',
    });
    initRepository(dir);
    await writeTree(dir, { '.git/info/exclude': 'notes.txt\n' });
    const { files, report } = await scanSelected(dir, {});
    expect(files).toEqual(['.gitignore', 'keep.log', 'src/.gitignore', 'src/debug.log', 'src/main.txt']);
    expect(report.selection?.skipped.gitignore).toEqual({ files: 3, folders: 1 });
  });

  it('scans a file git tracks even when a .gitignore added later names it, or its folder', async () => {
    dir = await makeTree({ 'config/secrets.env': 'h@acme.io', 'other.env': 'i@acme.io' });
    initRepository(dir);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'add');
    await writeTree(dir, { '.gitignore': '*.env\nconfig/\n', 'config/new.env': 'j@acme.io' });
    const { files, report } = await scanSelected(dir, {});
    expect(files).toEqual(['.gitignore', 'config/secrets.env', 'other.env']);
    expect(report.selection?.skipped.gitignore).toEqual({ files: 1, folders: 0 });
  });

  it('counts everything a .gitignore of "*" hides, so a reviewer sees it, and --no-gitignore scans it all', async () => {
    dir = await makeTree({ '.gitignore': '*\n', 'a.txt': 'k@acme.io', 'deep/b.txt': 'l@acme.io' });
    initRepository(dir);
    const hidden = await scanSelected(dir, {});
    expect(hidden.files).toEqual([]);
    expect(hidden.report.selection?.skipped.gitignore).toEqual({ files: 2, folders: 1 });
    const all = await scanSelected(dir, { gitignore: false });
    expect(all.files).toEqual(['.gitignore', 'a.txt', 'deep/b.txt']);
    expect(all.report.findings).toHaveLength(2);
  });

  it('scans a file named on the command line even when a .gitignore ignores it', async () => {
    dir = await makeTree({ '.gitignore': '*.log\n', 'app.log': 'm@acme.io' });
    initRepository(dir);
    const { files } = await scanSelected(dir, {}, [join(dir, 'app.log')]);
    expect(files).toEqual(['app.log']);
  });

  it('applies the .gitignore files above a scanned sub-folder', async () => {
    dir = await makeTree({ '.gitignore': 'sub/*.tmp\n', 'sub/a.tmp': 'n@acme.io', 'sub/b.txt': 'o@acme.io' });
    initRepository(dir);
    const { files } = await scanSelected(dir, {}, [join(dir, 'sub')]);
    expect(files).toEqual(['sub/b.txt']);
  });

  it('treats a stray .git folder that is no repository as no repository, and scans everything', async () => {
    dir = await makeTree({ '.git/placeholder': '', '.gitignore': '*\n', 'a.txt': 'p@acme.io' });
    const { files } = await scanSelected(dir, {});
    expect(files).toEqual(['.gitignore', 'a.txt']);
  });

  it('does not honour a .gitignore outside a git work tree, where git would not either', async () => {
    dir = await makeTree({ '.gitignore': '*\n', 'a.txt': 'p@acme.io' });
    const { files, report } = await scanSelected(dir, {});
    expect(files).toEqual(['.gitignore', 'a.txt']);
    expect(report.selection?.skipped.gitignore).toEqual({ files: 0, folders: 0 });
  });
});

describe('a folder named on the command line', () => {
  it('is scanned even when a .gitignore above it ignores it, by the rules inside it', async () => {
    dir = await makeTree({ '.gitignore': 'build/\n', 'build/out.txt': 'q@acme.io', 'build/.gitignore': '*.tmp\n', 'build/x.tmp': 'r@acme.io' });
    initRepository(dir);
    const { files, report } = await scanSelected(dir, {}, [join(dir, 'build')]);
    expect(files).toEqual(['build/.gitignore', 'build/out.txt']);
    expect(report.selection?.skipped.gitignore).toEqual({ files: 1, folders: 0 });
  });
});
