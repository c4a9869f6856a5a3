import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { startStubEvidenceApi } from '../support/stub-evidence-api.js';
import { fakeDonegate, fakeNpm, readKeyValues, readYaml, REPO_ROOT, runStep, setFakeExitCode, SHELLS, type FakeDonegate } from '../support/ci-shell.js';

const stepSchema = z.object({ name: z.string().optional(), id: z.string().optional(), uses: z.string().optional(), run: z.string().optional(), shell: z.string().optional(), env: z.record(z.string(), z.string()).optional(), with: z.record(z.string(), z.unknown()).optional(), 'working-directory': z.string().optional() }).strict();
const actionSchema = z.object({
  name: z.string(),
  description: z.string(),
  author: z.string().optional(),
  branding: z.unknown().optional(),
  inputs: z.record(z.string(), z.object({ description: z.string(), required: z.boolean(), default: z.string().optional() }).strict()),
  outputs: z.record(z.string(), z.object({ description: z.string(), value: z.string() }).strict()),
  runs: z.object({ using: z.literal('composite'), steps: z.array(stepSchema) }).strict(),
});
const workflowSchema = z.object({ on: z.record(z.string(), z.unknown()), jobs: z.record(z.string(), z.object({ steps: z.array(stepSchema) }).loose()) }).loose();

const SECRET = 'dg_ci_secret_value_0123456789';

interface Context {
  inputs: Record<string, string>;
  secrets: Record<string, string>;
  github: Record<string, string>;
}

/**
 * The few `${{ }}` expressions action.yml and the example use, evaluated as GitHub does. Anything else
 * throws, so an expression added to either file needs a case here before its test can pass.
 */
function evaluate(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_whole, expression: string) => {
    let m = /^(inputs|secrets|github)\.([A-Za-z_][\w-]*)$/.exec(expression);
    if (m) return context[m[1] as keyof Context][m[2]!] ?? '';
    m = /^github\.(\w+) == '([^']*)' && '([^']*)' \|\| '([^']*)'$/.exec(expression);
    if (m) return context.github[m[1]!] === m[2] ? m[3]! : m[4]!;
    throw new Error(`no evaluation for \${{ ${expression} }}`);
  });
}

interface GithubRun {
  event: 'push' | 'pull_request';
  ref: string;
  headRef?: string;
  title?: string;
  with?: Record<string, string>;
}

let action: z.infer<typeof actionSchema>;
let submitStep: z.infer<typeof stepSchema>;
let exampleWith: Record<string, string>;
let fake: FakeDonegate;
let runs = 0;

beforeAll(async () => {
  action = actionSchema.parse(await readYaml('action.yml'));
  submitStep = action.runs.steps.find((step) => step.id === 'submit')!;
  const workflow = workflowSchema.parse(await readYaml('ci/examples/github-workflow.yml'));
  const uses = Object.values(workflow.jobs).flatMap((job) => job.steps).find((step) => step.uses?.includes('/donegate@'));
  exampleWith = z.record(z.string(), z.coerce.string()).parse(uses?.with);
  fake = await fakeDonegate();
});
afterAll(() => fake.cleanup());

/** The action's submit step as the runner runs it for the example workflow's `uses:` step, in this event. */
async function runAction(run: GithubRun, donegateBin = fake.bin, extraEnv: Record<string, string> = {}) {
  const dir = join(fake.dir, `run-${++runs}`);
  await mkdir(dir);
  await fake.reset();
  const eventPath = join(dir, 'event.json');
  await writeFile(eventPath, JSON.stringify(run.event === 'pull_request' ? { pull_request: { title: run.title ?? '', head: { ref: run.headRef } } } : { ref: `refs/heads/${run.ref}` }));
  const github = { event_name: run.event };
  const given = { ...exampleWith, ...run.with };
  const withEvaluated = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, evaluate(v, { inputs: {}, secrets: { DONEGATE_TOKEN: SECRET }, github })]));
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, withEvaluated[name] ?? input.default ?? '']));
  const stepEnv = Object.fromEntries(Object.entries(submitStep.env ?? {}).map(([k, v]) => [k, evaluate(v, { inputs, secrets: {}, github })]));
  const outputFile = join(dir, 'output');
  await writeFile(join(dir, 'audit.json'), '{"auditReportVersion":2,"vulnerabilities":{}}');
  const result = await runStep(
    SHELLS['github bash'],
    submitStep.run!,
    {
      PATH: `${donegateBin}:${process.env.PATH ?? ''}`,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: REPO_ROOT,
      GITHUB_OUTPUT: outputFile,
      GITHUB_EVENT_NAME: run.event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/ml',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_REF_NAME: run.event === 'pull_request' ? '12/merge' : run.ref,
      GITHUB_HEAD_REF: run.event === 'pull_request' ? (run.headRef ?? '') : '',
      ...stepEnv,
      ...extraEnv,
    },
    dir,
  );
  return { ...result, outputs: await readKeyValues(outputFile), args: await fake.lastArgs() };
}

function submitted(ticket: string, ...rest: string[]): string[] {
  return ['evidence', 'submit', '--tracker', 'jira', '--ticket', ticket, '--criterion', 'dependency-audit', ...rest];
}

describe('action.yml', () => {
  it('declares bash on every run step, and takes inputs into run steps only through env', () => {
    for (const step of action.runs.steps.filter((s) => s.run !== undefined)) {
      expect({ step: step.name, shell: step.shell }).toEqual({ step: step.name, shell: 'bash' });
      expect({ step: step.name, expressionInScript: /\$\{\{/.test(step.run!) }).toEqual({ step: step.name, expressionInScript: false });
    }
  });

  it('uses every input it declares, and declares every input it uses', () => {
    const text = JSON.stringify(action.runs) + JSON.stringify(action.outputs);
    const used = new Set([...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('requires url, token and criterion, and fails closed when no ticket is found', () => {
    expect(Object.entries(action.inputs).filter(([, input]) => input.required).map(([name]) => name).sort()).toEqual(['criterion', 'token', 'url']);
    expect(action.inputs['on-missing-ticket']?.default).toBe('fail');
  });

  it('sets its outputs from the submit step, and the example gives only inputs the action has', () => {
    expect(action.outputs).toMatchObject({ ticket: { value: '${{ steps.submit.outputs.ticket }}' }, outcome: { value: '${{ steps.submit.outputs.outcome }}' } });
    expect(Object.keys(exampleWith).filter((name) => !(name in action.inputs))).toEqual([]);
  });

  it('builds donegate from its own checkout and puts it on PATH, never from a package registry by name', () => {
    const build = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(build).toMatch(/npm ci --ignore-scripts/);
    expect(build).toMatch(/npm run build/);
    expect(build).toContain('ln -sf "$GITHUB_ACTION_PATH/bin/donegate.js" "$RUNNER_TEMP/donegate-bin/donegate"');
    expect(build).toContain('echo "$RUNNER_TEMP/donegate-bin" >>"$GITHUB_PATH"');
    expect(action.runs.steps.filter((s) => s.run?.includes('npm ')).map((s) => s['working-directory'])).toEqual(['${{ github.action_path }}', '${{ github.action_path }}']);
  });
});

describe('the example workflow with the action, under bash -eo pipefail', () => {
  it('on a push to main, leaves a notice, submits nothing and succeeds', async () => {
    const run = await runAction({ event: 'push', ref: 'main' });
    expect(run).toMatchObject({ code: 0, outputs: { ticket: '', outcome: 'skipped' }, args: undefined });
    expect(run.out).toContain('::notice title=donegate::evidence not submitted: no ticket key (on-missing-ticket: skip)');
    expect(run.err).toMatch(/^donegate: no ticket key found: looked for a jira key like ML-142 \(in upper case\) in the ticket input .*the branch name; set the action's ticket input/m);
  });

  it('on a push to main with on-missing-ticket: fail, fails the step and says where it looked', async () => {
    const run = await runAction({ event: 'push', ref: 'main', with: { 'on-missing-ticket': 'fail' } });
    expect(run).toMatchObject({ code: 1, args: undefined });
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toContain('the pull or merge request title and the branch name');
  });

  it('on a pull request whose title names the ticket, submits for that ticket', async () => {
    const run = await runAction({ event: 'pull_request', ref: 'main', headRef: 'bump-deps', title: '[ML-7] Bump the training image' });
    expect(run).toMatchObject({ code: 0, outputs: { ticket: 'ML-7', outcome: 'accepted' }, args: submitted('ML-7', '--', 'audit.json') });
  });

  it('on a push to feature/ML-142-x, takes the key from anywhere in the branch name', async () => {
    expect(await runAction({ event: 'push', ref: 'feature/ML-142-x' })).toMatchObject({ code: 0, args: submitted('ML-142', '--', 'audit.json') });
  });

  it('on a pull request from ML-142-train, takes the key from the head branch', async () => {
    expect(await runAction({ event: 'pull_request', ref: 'main', headRef: 'ML-142-train', title: 'Train the model' })).toMatchObject({ code: 0, outputs: { ticket: 'ML-142' }, args: submitted('ML-142', '--', 'audit.json') });
  });

  it('takes an explicit ticket input over the title and branch', async () => {
    expect(await runAction({ event: 'pull_request', ref: 'main', headRef: 'AI-3-x', title: 'AI-4', with: { ticket: 'ml-9' } })).toMatchObject({ code: 0, args: submitted('ML-9', '--', 'audit.json') });
  });

  it('passes --wait and --timeout, and reports the verdict and its exit code', async () => {
    await setFakeExitCode(fake, 1);
    const run = await runAction({ event: 'push', ref: 'ML-142-x', with: { wait: 'true', timeout: '10m', format: 'npm-audit' } });
    await setFakeExitCode(fake, 0);
    expect(run).toMatchObject({ code: 1, outputs: { ticket: 'ML-142', outcome: 'fail' }, args: submitted('ML-142', '--format', 'npm-audit', '--wait', '--timeout', '10m', '--', 'audit.json') });
  });

  it('submits an artifact with its digest instead of a report', async () => {
    const run = await runAction({ event: 'push', ref: 'ML-142-x', with: { criterion: 'encrypted-artifact', report: '', artifact: 's3://acme-ml/model.bin', sha256: 'a'.repeat(64) } });
    expect(run.args).toEqual(['evidence', 'submit', '--tracker', 'jira', '--ticket', 'ML-142', '--criterion', 'encrypted-artifact', '--artifact', 's3://acme-ml/model.bin', '--sha256', 'a'.repeat(64)]);
  });

  it('hands the token to donegate through the environment and never prints it', async () => {
    const run = await runAction({ event: 'push', ref: 'ML-142-x' });
    expect(await fake.lastToken()).toBe(SECRET);
    expect(run.out + run.err).not.toContain(SECRET);
  });

  it('maps a refused report to outcome rejected and exit 1, and an unreachable donegate to error and exit 2', async () => {
    await setFakeExitCode(fake, 1);
    const refused = await runAction({ event: 'push', ref: 'ML-142-x' });
    await setFakeExitCode(fake, 2);
    const unreachable = await runAction({ event: 'push', ref: 'ML-142-x' });
    await setFakeExitCode(fake, 0);
    expect([refused.code, refused.outputs.outcome, unreachable.code, unreachable.outputs.outcome]).toEqual([1, 'rejected', 2, 'error']);
  });
});

describe('the action with the real donegate CLI', () => {
  it('submits the report the example names, for the ticket in the branch, to DONEGATE_URL', async () => {
    const api = await startStubEvidenceApi({ format: 'npm-audit', summary: '0 findings' });
    const bin = join(fake.dir, 'real-bin');
    await mkdir(bin);
    await writeFile(join(bin, 'donegate'), `#!/bin/sh\nexec node '${join(REPO_ROOT, 'bin/donegate.js')}' "$@"\n`);
    await chmod(join(bin, 'donegate'), 0o755);
    try {
      const run = await runAction({ event: 'push', ref: 'feature/ML-142-x' }, bin, { DONEGATE_URL: api.url });
      expect(run).toMatchObject({ code: 0, outputs: { ticket: 'ML-142', outcome: 'accepted' } });
      expect(run.out).toContain('accepted: dependency-audit evidence for jira ML-142');
      expect(api.received).toHaveLength(1);
      const [request] = api.received;
      for (const [field, value] of [['tracker', 'jira'], ['ticket', 'ML-142'], ['criterion', 'dependency-audit'], ['source', 'ci:github-actions']]) {
        expect(request).toContain(`name="${field}"\r\n\r\n${value}\r\n`);
      }
      expect(request).toContain('"auditReportVersion":2');
    } finally {
      await api.close();
    }
  });
});

describe("the action's build step", () => {
  it('is preceded by a check of Node.js that keys the npm cache on the lock file', async () => {
    const dir = join(fake.dir, 'prepare');
    await mkdir(dir);
    const prepare = action.runs.steps.find((step) => step.id === 'prepare')!;
    const run = await runStep(SHELLS['github bash'], prepare.run!, { HOME: dir, GITHUB_OUTPUT: join(dir, 'output') }, REPO_ROOT);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(await readKeyValues(join(dir, 'output'))).toEqual({ lock: expect.stringMatching(/^[0-9a-f]{64}$/), 'npm-cache': expect.stringMatching(/^\//) });
    expect(JSON.stringify(action.runs.steps)).toContain('"key":"donegate-npm-${{ runner.os }}-${{ steps.prepare.outputs.lock }}"');
  });

  it('leaves a donegate command on PATH for the steps after it', async () => {
    const dir = join(fake.dir, 'build');
    await mkdir(join(dir, 'temp'), { recursive: true });
    const build = action.runs.steps.find((step) => step.name === 'Build donegate')!;
    const pathFile = join(dir, 'path');
    const env = { HOME: dir, GITHUB_ACTION_PATH: REPO_ROOT, RUNNER_TEMP: join(dir, 'temp'), GITHUB_PATH: pathFile };
    const built = await runStep(SHELLS['github bash'], build.run!, { ...env, PATH: `${await fakeNpm(dir)}:${process.env.PATH ?? ''}` }, REPO_ROOT);
    expect(built).toMatchObject({ code: 0, err: '' });
    const added = (await readFile(pathFile, 'utf8')).trim().split('\n');
    const help = await runStep(SHELLS['github bash'], 'donegate evidence submit --help\n', { PATH: `${added.join(':')}:${process.env.PATH ?? ''}` }, dir);
    expect(help).toMatchObject({ code: 0, out: expect.stringContaining('--ticket <key>') });
  });
});
