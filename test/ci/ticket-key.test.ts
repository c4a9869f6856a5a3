import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runStep } from '../support/ci-shell.js';

/** busybox, when installed, with its own grep, sed and tr first on PATH, as in an Alpine image. */
function busyboxPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

let dir: string;
let busyboxBin: string | undefined;
const busybox = busyboxPath();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ticket-key-'));
  if (busybox) {
    busyboxBin = join(dir, 'busybox-bin');
    await mkdir(busyboxBin);
    for (const applet of ['sh', 'grep', 'sed', 'tr', 'dirname', 'cat']) await symlink(busybox, join(busyboxBin, applet));
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('runs under busybox too, or is told it need not (DONEGATE_REQUIRE_BUSYBOX unset)', () => {
  expect({ busybox: Boolean(busybox) || !process.env.DONEGATE_REQUIRE_BUSYBOX }).toEqual({ busybox: true });
});

const shells = [
  ['bash -eo pipefail', ['bash', '--noprofile', '--norc', '-eo', 'pipefail']],
  ['sh', ['sh', '-e']],
  ...(busybox ? [['busybox sh', ['busybox', 'sh', '-e']] as const] : []),
] as const;

/** ci/ticket-key.sh, run as a step runs it: `. ci/ticket-key.sh` is not how CI calls it, so a file is handed to the shell. */
function ticketKey(shell: readonly string[], env: Record<string, string>) {
  const path = shell[0] === 'busybox' && busyboxBin ? `${busyboxBin}:${process.env.PATH ?? ''}` : (process.env.PATH ?? '');
  return runStep(shell, `. "${REPO_ROOT}ci/ticket-key.sh"\n`, { PATH: path, ...env }, dir);
}

const found: [string, Record<string, string>, string][] = [
  ['an upper-case key anywhere in the branch', { GITHUB_REF_NAME: 'feature/ML-142-x' }, 'ML-142'],
  ['a key at the start of the branch', { CI_COMMIT_REF_NAME: 'ML-142-train' }, 'ML-142'],
  ['the merge request title before the branch', { CI_MERGE_REQUEST_TITLE: '[AI-7] retrain', CI_COMMIT_REF_NAME: 'ML-1-x' }, 'AI-7'],
  ['the head branch of a pull request, not its merge ref', { GITHUB_HEAD_REF: 'ML-5-x', GITHUB_REF_NAME: '12/merge' }, 'ML-5'],
  ['the merge request source branch', { CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'ops/ML-8', CI_COMMIT_REF_NAME: 'refs/merge-requests/3/head' }, 'ML-8'],
  ['an explicit ticket in any case, upper-cased', { DONEGATE_TICKET: 'ml-9', GITHUB_REF_NAME: 'ML-1' }, 'ML-9'],
  ['a lower-case key of a listed project', { DONEGATE_PROJECTS: 'AI, ml', GITHUB_REF_NAME: 'jdoe/ml-142-fix' }, 'ML-142'],
  ['a key of a listed project only', { DONEGATE_PROJECTS: 'ML', GITHUB_REF_NAME: 'CVE-2024-ML-3' }, 'ML-3'],
  ['a full GitHub key in the title', { DONEGATE_TRACKER: 'github', CI_MERGE_REQUEST_TITLE: 'Fix acme/ml#42 drift' }, 'ACME/ML#42'],
  ['a #123 of this repository in the title', { DONEGATE_TRACKER: 'github', GITHUB_REPOSITORY: 'acme/ml', CI_MERGE_REQUEST_TITLE: 'Fix drift (#42)' }, 'ACME/ML#42'],
  ['an issue branch GitHub names 123-title', { DONEGATE_TRACKER: 'github', GITHUB_REPOSITORY: 'acme/ml', GITHUB_REF_NAME: '42-fix-drift' }, 'ACME/ML#42'],
  ['the key on a title of several lines', { CI_MERGE_REQUEST_TITLE: '::warning::x\nML-3' }, 'ML-3'],
];

const notFound: [string, Record<string, string>][] = [
  ['a push to main', { GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch' }],
  ['lower-case words that look like keys', { GITHUB_REF_NAME: 'ml-142-fix-node-20-release-2024' }],
  ['a listed project inside a longer word', { DONEGATE_PROJECTS: 'ML', GITHUB_REF_NAME: 'html-5' }],
  ['a number longer than any ticket', { GITHUB_REF_NAME: 'ML-1234567890' }],
  ['a tag, which names no branch', { GITHUB_REF_NAME: 'ML-1', GITHUB_REF_TYPE: 'tag', CI_COMMIT_REF_NAME: 'ML-2', CI_COMMIT_TAG: 'ML-2' }],
  ['a bare #123 without a repository', { DONEGATE_TRACKER: 'github', CI_MERGE_REQUEST_TITLE: 'Fix (#42)' }],
  ['an event file that is not JSON', { GITHUB_EVENT_PATH: '/dev/null', GITHUB_REF_NAME: 'main' }],
];

describe.each(shells)('ci/ticket-key.sh under %s', (_name, shell) => {
  it.each(found)('finds %s', async (_what, env, key) => {
    expect(await ticketKey(shell, env)).toEqual({ code: 0, out: `${key}\n`, err: '' });
  });

  it.each(notFound)('finds no key in %s, fails by default with one line on where it looked, and never prints the text', async (_what, env) => {
    const run = await ticketKey(shell, env);
    expect(run).toMatchObject({ code: 1, out: '' });
    expect(run.err).toMatch(/^donegate: no ticket key found: looked for .* in the ticket input \(DONEGATE_TICKET\), the pull or merge request title and the branch name; set the action's ticket input \(GitLab: DONEGATE_TICKET\) or name the ticket in the branch or title \(on-missing-ticket: fail\)\n$/);
    const chosenByAuthors = Object.entries(env).filter(([name]) => /TITLE|REF_NAME|BRANCH/.test(name)).map(([, value]) => value);
    for (const value of chosenByAuthors.filter((v) => v.length > 4)) expect(run.err).not.toContain(value);
  });

  it('exits 0 with nothing on stdout when no key is found and on-missing-ticket is skip', async () => {
    expect(await ticketKey(shell, { GITHUB_REF_NAME: 'main', DONEGATE_ON_MISSING_TICKET: 'skip' })).toMatchObject({ code: 0, out: '', err: expect.stringContaining('(on-missing-ticket: skip)') });
  });

  it.each([
    ['an explicit ticket that is not a key', { DONEGATE_TICKET: 'ML-1; rm -rf /' }, 'the ticket input (DONEGATE_TICKET) is not a jira key like ML-142'],
    ['an unknown on-missing-ticket', { DONEGATE_ON_MISSING_TICKET: 'ignore' }, 'on-missing-ticket (DONEGATE_ON_MISSING_TICKET) must be skip or fail'],
    ['a project list that is a glob', { DONEGATE_PROJECTS: '*' }, 'projects (DONEGATE_PROJECTS) must be project keys separated by commas, like ML,AI'],
    ['a GitHub repository that is not owner/repo', { DONEGATE_TRACKER: 'github', DONEGATE_GITHUB_REPOSITORY: 'acme' }, 'DONEGATE_GITHUB_REPOSITORY must be owner/repo'],
  ])('exits 2 on %s, naming the setting', async (_what, env, message) => {
    expect(await ticketKey(shell, { GITHUB_REF_NAME: 'ML-1', ...env })).toEqual({ code: 2, out: '', err: `donegate: ${message}\n` });
  });

  it('reads a branch name of 100,000 near-miss characters in well under a second', async () => {
    const hostile = 'A-'.repeat(25_000) + 'a1-_'.repeat(12_500);
    const started = performance.now();
    const run = await ticketKey(shell, { GITHUB_REF_NAME: hostile, CI_MERGE_REQUEST_TITLE: hostile });
    expect({ code: run.code, fast: performance.now() - started < 3_000 }).toEqual({ code: 1, fast: true });
  });
});

it('reads the pull request title from the GitHub event file', async () => {
  const event = join(dir, 'event.json');
  await writeFile(event, JSON.stringify({ pull_request: { title: 'Retrain ML-77 on the new data' } }));
  expect(await ticketKey(shells[0][1], { GITHUB_EVENT_PATH: event, GITHUB_HEAD_REF: 'ML-1-x' })).toMatchObject({ code: 0, out: 'ML-77\n' });
});
