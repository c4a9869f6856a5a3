import { rm } from 'node:fs/promises';
import { makeTree, scanSelected } from './git-fixture.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--include and --exclude globs', () => {
  beforeEach(async () => {
    dir = await makeTree({
      'data/2024/users.csv': 'a@acme.io',
      'data/2024/notes.md': 'b@acme.io',
      'data/.env': 'c@acme.io',
      'vendor/lib/x.csv': 'd@acme.io',
      'app.min.js': 'e@acme.io',
      'web/app.min.js': 'f@acme.io',
      'top.csv': 'g@acme.io',
    });
  });

  it('matches ** across folders and dot-files, relative to the scanned folder', async () => {
    const { files, report } = await scanSelected(dir, { include: ['data/**'] });
    expect(files).toEqual(['data/.env', 'data/2024/notes.md', 'data/2024/users.csv']);
    expect(report.selection?.skipped['not-included']).toEqual({ files: 4, folders: 0 });
  });

  it('matches a glob without a slash at any depth, and counts what it excludes, a folder once', async () => {
    const { files, report } = await scanSelected(dir, { exclude: ['*.min.js', 'vendor/'] });
    expect(files).toEqual(['data/.env', 'data/2024/notes.md', 'data/2024/users.csv', 'top.csv']);
    expect(report.selection?.skipped.excluded).toEqual({ files: 2, folders: 1 });
  });

  it('applies --exclude before --include, each repeatable', async () => {
    const { files } = await scanSelected(dir, { include: ['**/*.csv', '**/*.md'], exclude: ['data/2024/notes.md', 'vendor/**'] });
    expect(files).toEqual(['data/2024/users.csv', 'top.csv']);
  });
});
