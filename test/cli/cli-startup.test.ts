import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { TRACKER_NAMES } from '../../src/trackers/registry.js';

const run = promisify(execFile);
const BIN = 'bin/donegate.js';

async function donegate(args: string[], nodeOptions: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...nodeOptions, BIN, ...args], { env: { PATH: process.env.PATH ?? '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('donegate --version', () => {
  it.each(['--version', '-V'])('%s prints the version in package.json and exits 0', async (flag) => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    const result = await donegate([flag]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });
});

describe('donegate --help', () => {
  it('lists every command and exits 0', async () => {
    const result = await donegate(['--help']);
    expect(result.code).toBe(0);
    const listed = [...result.stdout.split('Commands:')[1]!.matchAll(/^ {2}(\S+)/gm)].map((match) => match[1]);
    expect(listed).toEqual(['serve', 'receiver', 'worker', 'demo', 'migrate', 'token', 'link', 'audit', 'waiver', 'evidence', 'scan', 'check', 'policy', 'help']);
    expect(result.stdout).toContain('-V, --version');
  });
});

describe('the CLI start-up', () => {
  it('imports statically only commander, node built-ins and the light command definitions, so --help starts without the drivers', async () => {
    const source = await readFile('src/cli/main.ts', 'utf8');
    const staticImports = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map((match) => match[1]);
    expect(staticImports.sort()).toEqual(
      ['commander', 'node:fs', './audit-commands.js', './check-artifact.js', './link-commands.js', './migrate-command.js', './scan-command.js', './token-commands.js', './waiver-commands.js'].sort(),
    );
  });

  it('loads no tracker client library (jira.js, octokit, @linear/sdk) for policy check or a --tracker check', async () => {
    // A module hook that prints every package specifier the CLI resolves, to stderr.
    const hook = `export async function resolve(specifier, context, next) {
      if (!/^(\\.|\\/|node:|file:|data:)/.test(specifier)) process.stderr.write('package: ' + specifier + '\\n');
      return next(specifier, context);
    }`;
    const dataUrl = (source: string) => `data:text/javascript,${encodeURIComponent(source)}`;
    const recordPackages = ['--import', dataUrl(`import { register } from 'node:module'; register(${JSON.stringify(dataUrl(hook))});`)];
    const packagesOf = (stderr: string) => new Set([...stderr.matchAll(/^package: (\S+)$/gm)].map((match) => match[1]));
    const policy = await donegate(['policy', 'check', 'config/policy.yaml'], recordPackages);
    expect(policy.code).toBe(0);
    expect(packagesOf(policy.stderr)).toContain('yaml');
    const tracker = await donegate(['evidence', 'submit', '--tracker', 'trello', '--ticket', 'ML-1', '--criterion', 'dependency-audit', 'audit.json'], recordPackages);
    expect(tracker.code).toBe(2);
    for (const loaded of [packagesOf(policy.stderr), packagesOf(tracker.stderr)]) {
      expect([...loaded].filter((name) => /^(jira\.js|@octokit\/|@linear\/sdk|mdast-)/.test(name!))).toEqual([]);
    }
  });

  it("refuses a --tracker the registry does not know, naming the registry's trackers, with exit 2", async () => {
    const result = await donegate(['evidence', 'submit', '--tracker', 'trello', '--ticket', 'ML-1', '--criterion', 'dependency-audit', 'audit.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--tracker must be one of ${TRACKER_NAMES.join(', ')}`);
  });
});
