import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { startStubEvidenceApi } from '../support/stub-evidence-api.js';
import { fakeDonegate, fakeNpm, readKeyValues, readYaml, REPO_ROOT, runStep, SHELLS, type FakeDonegate } from '../support/ci-shell.js';

const variables = z.record(z.string(), z.coerce.string());
const jobSchema = z.object({ extends: z.string().optional(), script: z.array(z.string()).optional(), variables: variables.optional(), rules: z.array(z.object({ if: z.string().optional(), variables: variables.optional() }).loose()).optional() }).loose();
const fileSchema = z.record(z.string(), z.unknown());

let template: z.infer<typeof jobSchema>;
let job: z.infer<typeof jobSchema>;
let fake: FakeDonegate;
let runs = 0;

beforeAll(async () => {
  template = jobSchema.parse(fileSchema.parse(await readYaml('ci/gitlab/donegate.gitlab-ci.yml'))['.donegate-evidence']);
  const example = fileSchema.parse(await readYaml('ci/examples/gitlab-ci.yml'));
  job = jobSchema.parse(Object.values(example).find((value) => jobSchema.safeParse(value).data?.extends === '.donegate-evidence'));
  fake = await fakeDonegate();
});
afterAll(() => fake.cleanup());

interface GitlabPipeline {
  branch: string;
  mergeRequestTitle?: string;
  variables?: Record<string, string>;
}

/** The rule of the example job that matches a branch pipeline, as GitLab picks it: the first that applies. */
function ruleVariables(pipeline: GitlabPipeline): Record<string, string> {
  for (const rule of job.rules ?? []) {
    if (rule.if === undefined) return rule.variables ?? {};
    if (rule.if === '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH') {
      if (pipeline.branch === 'main') return rule.variables ?? {};
      continue;
    }
    throw new Error(`no evaluation for rule if: ${rule.if}`);
  }
  return {};
}

/**
 * The example job's submit line (from the template it extends) run as GitLab's runner runs a script, with
 * the variables GitLab sets. The install line's checkout is this checkout (DONEGATE_HOME).
 */
async function runJob(shell: readonly string[], pipeline: GitlabPipeline) {
  const dir = join(fake.dir, `job-${++runs}`);
  await mkdir(dir);
  await fake.reset();
  const submit = (template.script ?? []).filter((line) => line.includes('submit-evidence.sh'));
  // A merge request pipeline has the title and source branch; a branch pipeline has CI_COMMIT_BRANCH.
  const pipelineKind: Record<string, string> =
    pipeline.mergeRequestTitle === undefined ? { CI_COMMIT_BRANCH: pipeline.branch } : { CI_MERGE_REQUEST_TITLE: pipeline.mergeRequestTitle, CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: pipeline.branch };
  const result = await runStep(
    shell,
    submit.join('\n'),
    {
      PATH: `${fake.bin}:${process.env.PATH ?? ''}`,
      GITLAB_CI: 'true',
      CI_PROJECT_DIR: dir,
      CI_DEFAULT_BRANCH: 'main',
      CI_COMMIT_REF_NAME: pipeline.branch,
      ...pipelineKind,
      ...template.variables,
      ...job.variables,
      ...ruleVariables(pipeline),
      ...pipeline.variables,
      DONEGATE_HOME: REPO_ROOT,
      DONEGATE_TOKEN: 'masked-variable',
    },
    dir,
  );
  return { ...result, dotenv: await readKeyValues(join(dir, 'donegate.env')), args: await fake.lastArgs() };
}

function submitted(ticket: string): string[] {
  return ['evidence', 'submit', '--tracker', 'jira', '--ticket', ticket, '--criterion', 'dependency-audit', '--', 'audit.json'];
}

describe('the GitLab template', () => {
  it('is a hidden job that installs donegate from a pinned git ref, never from a package registry by name', () => {
    const install = template.script?.[0] ?? '';
    expect(install).toContain('git -C "$DONEGATE_HOME" fetch -q --depth 1 "$DONEGATE_REPOSITORY" "$DONEGATE_REF"');
    expect(install).toMatch(/npm ci --ignore-scripts/);
    expect(template.variables).toMatchObject({ DONEGATE_REF: '', DONEGATE_ON_MISSING_TICKET: 'fail' });
  });

  it('refuses to run without DONEGATE_REPOSITORY and DONEGATE_REF, saying which to set', async () => {
    const dir = join(fake.dir, 'unpinned');
    await mkdir(dir);
    const run = await runStep(SHELLS['gitlab sh'], template.script?.[0] ?? '', { ...template.variables, DONEGATE_HOME: join(dir, 'src') }, dir);
    expect(run).toMatchObject({ code: 2, err: "donegate: set DONEGATE_REPOSITORY (donegate's git URL) and DONEGATE_REF (the commit sha or tag to run)\n" });
  });
});

describe.each([['gitlab sh'], ['gitlab bash']] as const)('the example job under %s', (shell) => {
  it('on a push to the default branch, says it skipped, submits nothing and succeeds', async () => {
    const run = await runJob(SHELLS[shell], { branch: 'main' });
    expect(run).toMatchObject({ code: 0, args: undefined, dotenv: { DONEGATE_TICKET: '', DONEGATE_OUTCOME: 'skipped' } });
    expect(run.out).toContain('donegate: evidence not submitted: no ticket key (on-missing-ticket: skip)');
    expect(run.err).toMatch(/^donegate: no ticket key found: looked for a jira key like ML-142/);
  });

  it('on a branch without a key, fails the job and says where it looked', async () => {
    const run = await runJob(SHELLS[shell], { branch: 'docs-update' });
    expect(run).toMatchObject({ code: 1, args: undefined });
    expect(run.err).toContain('set the action\'s ticket input (GitLab: DONEGATE_TICKET)');
  });

  it('in a merge request whose title names the ticket, submits for that ticket', async () => {
    const run = await runJob(SHELLS[shell], { branch: 'bump-deps', mergeRequestTitle: 'ML-7: bump the training image' });
    expect(run).toMatchObject({ code: 0, args: submitted('ML-7'), dotenv: { DONEGATE_TICKET: 'ML-7', DONEGATE_OUTCOME: 'accepted' } });
  });

  it('on feature/ML-142-x and on ML-142-train, takes the key from the branch name', async () => {
    expect((await runJob(SHELLS[shell], { branch: 'feature/ML-142-x' })).args).toEqual(submitted('ML-142'));
    expect((await runJob(SHELLS[shell], { branch: 'ML-142-train' })).args).toEqual(submitted('ML-142'));
  });

  it('takes DONEGATE_TICKET over the title and branch', async () => {
    expect((await runJob(SHELLS[shell], { branch: 'AI-3-x', mergeRequestTitle: 'AI-4', variables: { DONEGATE_TICKET: 'ML-9' } })).args).toEqual(submitted('ML-9'));
  });
});

describe('the whole example job, installing donegate from a git ref', () => {
  // The ref is this checkout's HEAD: the job runs the committed scripts, as a pipeline pinned to it would.
  it('fetches the pinned commit, puts donegate on PATH and submits the report for the branch ticket', async () => {
    const api = await startStubEvidenceApi({ format: 'npm-audit', summary: '0 findings' });
    const dir = join(fake.dir, 'whole-job');
    await mkdir(dir);
    await writeFile(join(dir, 'audit.json'), '{"auditReportVersion":2,"vulnerabilities":{}}');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    try {
      const run = await runStep(SHELLS['gitlab sh'], (template.script ?? []).join('\n'), {
        PATH: `${await fakeNpm(dir)}:${process.env.PATH ?? ''}`,
        GITLAB_CI: 'true',
        CI_PROJECT_DIR: dir,
        CI_COMMIT_BRANCH: 'feature/ML-142-x',
        CI_COMMIT_REF_NAME: 'feature/ML-142-x',
        ...template.variables,
        ...job.variables,
        DONEGATE_HOME: join(dir, '.donegate/src'),
        DONEGATE_REPOSITORY: REPO_ROOT,
        DONEGATE_REF: head,
        DONEGATE_URL: api.url,
        DONEGATE_TOKEN: 'masked-variable',
      }, dir);
      expect(run).toMatchObject({ code: 0, out: expect.stringContaining('accepted: dependency-audit evidence for jira ML-142') });
      expect(await readKeyValues(join(dir, 'donegate.env'))).toEqual({ DONEGATE_TICKET: 'ML-142', DONEGATE_OUTCOME: 'accepted' });
      expect(api.received).toEqual([expect.stringMatching(/^POST \/api\/v1\/evidence .*name="source"\r\n\r\nci:gitlab\r\n/s)]);
    } finally {
      await api.close();
    }
  });
});
