import { expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/ci-shell.js';

/** Running or installing donegate by its bare name fetches whatever package owns that name on the npm registry. */
const REGISTRY_INSTALL = /\bnpx\s+(?:(?:--yes|-y|--package[= ]\S+|-p\s+\S+)\s+)*donegate\b|\bnpm\s+(?:install|i|add|exec)\s+(?:-\S+\s+)*donegate\b|\b(?:yarn\s+(?:global\s+)?add|pnpm\s+(?:add|dlx)|bunx)\s+donegate\b/;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(REPO_ROOT, dir), { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))));
  return nested.flat();
}

it('no CI file, README or source runs or installs donegate by its bare name from a package registry', async () => {
  const files = ['README.md', 'action.yml', ...(await filesUnder('ci')), ...(await filesUnder('src'))];
  const offending: string[] = [];
  for (const file of files) {
    const lines = (await readFile(join(REPO_ROOT, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (REGISTRY_INSTALL.test(line)) offending.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(files).toEqual(expect.arrayContaining(['ci/ticket-key.sh', 'ci/examples/github-workflow.yml', 'ci/gitlab/donegate.gitlab-ci.yml']));
  expect(offending).toEqual([]);
});

it('recognises the forms it forbids', () => {
  const forbidden = ['npx donegate evidence submit', 'npx --yes donegate evidence submit', 'npx -y donegate', 'npm install donegate', 'npm i -g donegate', 'npm exec donegate', 'pnpm dlx donegate', 'yarn add donegate'];
  const allowed = ['donegate evidence submit', 'npm run donegate -- demo', 'npm ci --ignore-scripts', '(with `npx` or `npm install`)'];
  expect(forbidden.filter((line) => !REGISTRY_INSTALL.test(line))).toEqual([]);
  expect(allowed.filter((line) => REGISTRY_INSTALL.test(line))).toEqual([]);
});
