import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { submitEvidence } from '../../src/cli/evidence-submit.js';
import { startStubEvidenceApi, type StubEvidenceApi } from '../support/stub-evidence-api.js';

function sink() {
  let text = '';
  return { stream: new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), text: () => text };
}

describe('donegate evidence submit and the CI run URL', () => {
  let api: StubEvidenceApi;
  let file: string;
  beforeAll(async () => {
    api = await startStubEvidenceApi({ format: 'npm-audit', summary: 'npm audit: 0 findings' });
    file = join(await mkdtemp(join(tmpdir(), 'donegate-submit-')), 'audit.json');
    await writeFile(file, JSON.stringify({ auditReportVersion: 2, vulnerabilities: {} }));
  });
  afterAll(async () => {
    await api.close();
    await rm(dirname(file), { recursive: true, force: true });
  });

  const submit = async (ciRunUrl: string | undefined, ciEnv: Record<string, string>) => {
    const out = sink();
    const err = sink();
    const sent = api.received.length;
    const { code } = await submitEvidence(
      { tracker: 'jira', ticket: 'ML-1', criterion: 'dependency-audit', file, ...(ciRunUrl !== undefined ? { ciRunUrl } : {}) },
      { DONEGATE_URL: api.url, DONEGATE_TOKEN: 'dg_ci_test', ...ciEnv },
      { out: out.stream, err: err.stream },
    );
    return { code, stderr: err.text(), body: api.received.length > sent ? api.received.at(-1)! : undefined };
  };
  const field = (body: string | undefined, name: string) => new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)\\r\\n`).exec(body ?? '')?.[1];

  it('sends --ci-run-url as the ciRunUrl field', async () => {
    const { code, body } = await submit('https://ci.example.com/runs/7', {});
    expect(code).toBe(0);
    expect(field(body, 'ciRunUrl')).toBe('https://ci.example.com/runs/7');
  });

  it("fills it in from GitLab's CI_JOB_URL when the flag is not given", async () => {
    const { body } = await submit(undefined, { GITLAB_CI: 'true', CI_JOB_URL: 'https://gitlab.example.com/ml/-/jobs/42' });
    expect(field(body, 'ciRunUrl')).toBe('https://gitlab.example.com/ml/-/jobs/42');
    expect(field(body, 'source')).toBe('ci:gitlab');
  });

  it('sends none outside CI', async () => {
    const { body } = await submit(undefined, {});
    expect(body).toBeDefined();
    expect(field(body, 'ciRunUrl')).toBeUndefined();
  });

  it('exits 2 on a --ci-run-url that is not https, sending nothing', async () => {
    const { code, stderr, body } = await submit('http://ci.example.com/runs/7', {});
    expect(code).toBe(2);
    expect(stderr).toContain('--ci-run-url: a CI run URL must be an absolute https:// URL');
    expect(body).toBeUndefined();
  });
});
