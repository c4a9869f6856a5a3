import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
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

/**
 * Run the CLI with a module hook that prints every module donegate's code resolves: the packages (by
 * name) and donegate's own modules (by path under src/ or dist/, without extension), each once.
 */
async function traced(args: string[]): Promise<{ code: number; packages: string[]; modules: string[] }> {
  // Written with writeSync: the hooks run on their own thread, whose buffered writes a quick exit would drop.
  const hook = `import { writeSync } from 'node:fs';
  export async function resolve(specifier, context, next) {
    const resolved = await next(specifier, context);
    const fromPackage = (context.parentURL ?? '').includes('/node_modules/');
    if (!/^(node:|data:)/.test(specifier) && !fromPackage) writeSync(2, 'resolved: ' + (/^(\\.|\\/|file:)/.test(specifier) ? resolved.url : 'package:' + specifier) + '\\n');
    return resolved;
  }`;
  const dataUrl = (source: string) => `data:text/javascript,${encodeURIComponent(source)}`;
  const result = await donegate(args, ['--import', dataUrl(`import { register } from 'node:module'; register(${JSON.stringify(dataUrl(hook))});`)]);
  const packages = new Set<string>();
  const modules = new Set<string>();
  for (const [, what] of result.stderr.matchAll(/^resolved: (\S+)$/gm)) {
    const name = /^package:((?:@[^/]+\/)?[^/]+)/.exec(what!)?.[1];
    // tsx compiles the sources when there is no dist/ (bin/donegate.js): not a package of the CLI's own.
    if (name !== undefined && name !== 'tsx' && !isBuiltin(name)) packages.add(name);
    const own = /\/(?:src|dist)\/(.+)\.[jt]s$/.exec(what!)?.[1];
    if (own !== undefined && !what!.includes('/node_modules/')) modules.add(own);
  }
  return { code: result.code, packages: [...packages], modules: [...modules] };
}

/** What the command definitions themselves read (option choices): light modules with no imports. */
const DEFINITIONS_READ = ['audit/export-formats', 'domain/role', 'scan-report/scan-output-formats'];
const beyondDefinitions = (modules: string[]) => modules.filter((module) => !DEFINITIONS_READ.includes(module));

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
    const policy = await traced(['policy', 'check', 'config/policy.yaml']);
    expect(policy.code).toBe(0);
    expect(policy.packages).toContain('yaml');
    const tracker = await traced(['evidence', 'submit', '--tracker', 'trello', '--ticket', 'ML-1', '--criterion', 'dependency-audit', 'audit.json']);
    expect(tracker.code).toBe(2);
    for (const { packages } of [policy, tracker]) {
      expect(packages.filter((name) => /^(jira\.js|@octokit\/|@linear\/sdk|mdast-)/.test(name))).toEqual([]);
    }
  });

  it('loads no zod, no YAML parser and none of the commands\' work for --help: only commander and the command definitions', async () => {
    const help = await traced(['--help']);
    expect(help.code).toBe(0);
    expect(help.packages).toEqual(['commander']);
    expect(help.modules.filter((module) => !/^cli\/[a-z-]+$/.test(module) || /^cli\/run-/.test(module)).sort()).toEqual([...DEFINITIONS_READ].sort());
  });

  it('validates a policy with zod and the YAML parser, without the report parsers, the scan readers or the scanner', async () => {
    const policy = await traced(['policy', 'check', 'config/policy.yaml']);
    expect(policy.code).toBe(0);
    expect(policy.packages.sort()).toEqual(['commander', 'yaml', 'zod']);
    expect(beyondDefinitions(policy.modules).filter((module) => /^(evidence|scan|scan-report|audit|store|waivers)\//.test(module))).toEqual([]);
    expect(policy.modules.filter((module) => module.startsWith('criteria/'))).toEqual(['criteria/criterion-options']);
    // The policy schema names the one domain word it needs, not the domain index with every zod schema.
    expect(policy.modules).not.toContain('domain/index');
  });

  it('scans a file with no zod and no YAML parser: the baseline reader and the uploader load only with their flags', async () => {
    const scan = await traced(['scan', 'README.md']);
    expect([0, 1]).toContain(scan.code);
    // The detectors' own data (phone metadata, the secretlint preset) and the small path matchers the folder walk uses.
    expect(scan.packages.sort()).toEqual(['@secretlint/secretlint-rule-preset-recommend', 'commander', 'ignore', 'libphonenumber-js', 'picomatch']);
    expect(beyondDefinitions(scan.modules).filter((module) => /^(domain|audit|criteria|evidence|store)\/|^scan-report\/baseline-file$|^cli\/(evidence-submit|wait-for-verdict)$/.test(module))).toEqual([]);
  });

  it('shows scan\'s help without the scanner or its phone-number metadata', async () => {
    const help = await traced(['scan', '--help']);
    expect(help.code).toBe(0);
    expect(help.packages).toEqual(['commander']);
    expect(help.modules.filter((module) => /^(scan\/|cli\/run-)/.test(module))).toEqual([]);
  });

  it("refuses a --tracker the registry does not know, naming the registry's trackers, with exit 2", async () => {
    const result = await donegate(['evidence', 'submit', '--tracker', 'trello', '--ticket', 'ML-1', '--criterion', 'dependency-audit', 'audit.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--tracker must be one of ${TRACKER_NAMES.join(', ')}`);
  });
});
