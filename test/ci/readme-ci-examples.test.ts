import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/ci-shell.js';

/** Each `<!-- file: path -->` marker in the README and the fenced block right after it. */
function markedBlocks(readme: string): { path: string; block: string | undefined }[] {
  return [...readme.matchAll(/^<!-- file: (\S+) -->\n```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => ({ path: m[1]!, block: m[2] }));
}

describe('README "Evidence from CI"', () => {
  it('shows every example under ci/examples/, each byte for byte as the file', async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    const blocks = markedBlocks(readme);
    const examples = (await readdir(join(REPO_ROOT, 'ci/examples'))).map((name) => `ci/examples/${name}`).sort();
    expect(blocks.map((b) => b.path).sort()).toEqual(examples);
    for (const { path, block } of blocks) expect({ path, block }).toEqual({ path, block: await readFile(join(REPO_ROOT, path), 'utf8') });
  });

  it('marks every fenced block it means to be a file', async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    // A marker not directly followed by a fence would be skipped by the check above.
    expect((readme.match(/^<!-- file: /gm) ?? []).length).toBe(markedBlocks(readme).length);
  });
});
