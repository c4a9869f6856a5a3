import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { submitEvidence } from '../../src/cli/evidence-submit.js';

function sink() {
  let text = '';
  return { stream: new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), text: () => text };
}

describe('donegate evidence submit and the CI run URL', () => {
  let server: Server;
  let url: string;
  let file: string;
  const received: string[] = [];
  beforeAll(async () => {
    // Stands in for donegate's /api/v1/evidence: keeps the multipart body, answers as the API does.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(body);
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ evidence: { id: 'e1', format: 'npm-audit', summary: 'npm audit: 0 findings', details: [], sha256: 'f'.repeat(64) }, reevaluation: 'queued' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    file = join(await mkdtemp(join(tmpdir(), 'donegate-submit-')), 'audit.json');
    await writeFile(file, JSON.stringify({ auditReportVersion: 2, vulnerabilities: {} }));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dirname(file), { recursive: true, force: true });
  });

  const submit = async (ciRunUrl: string | undefined, ciEnv: Record<string, string>) => {
    const out = sink();
    const err = sink();
    const sent = received.length;
    const code = await submitEvidence(
      { tracker: 'jira', ticket: 'ML-1', criterion: 'dependency-audit', file, ...(ciRunUrl !== undefined ? { ciRunUrl } : {}) },
      { DONEGATE_URL: url, DONEGATE_TOKEN: 'dg_ci_test', ...ciEnv },
      { out: out.stream, err: err.stream },
    );
    return { code, stderr: err.text(), body: received.length > sent ? received.at(-1)! : undefined };
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
