import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { submitEvidence } from '../../src/cli/evidence-submit.js';
import { DEFAULT_RETRY_SCHEDULE } from '../../src/cli/retry-schedule.js';
import { collector } from '../support/run-command.js';
import { startStubEvidenceApi, type StubEvidenceApi } from '../support/stub-evidence-api.js';

describe('donegate evidence submit retries', () => {
  let api: StubEvidenceApi;
  let file: string;
  /** The waits the retries asked for, instead of sleeping through them. */
  let waits: number[];
  beforeAll(async () => {
    api = await startStubEvidenceApi({ format: 'npm-audit', summary: 'npm audit: 0 findings' });
    file = join(await mkdtemp(join(tmpdir(), 'donegate-retry-')), 'audit.json');
    await writeFile(file, JSON.stringify({ auditReportVersion: 2, vulnerabilities: {} }));
  });
  beforeEach(() => {
    api.received.length = 0;
    api.headers.length = 0;
    api.script = [];
    api.status = 201;
    waits = [];
  });
  afterAll(async () => {
    await api.close();
    await rm(dirname(file), { recursive: true, force: true });
  });

  const submit = async (retries?: number) => {
    const out = collector();
    const err = collector();
    const { code } = await submitEvidence(
      { tracker: 'jira', ticket: 'ML-1', criterion: 'dependency-audit', file, ...(retries !== undefined ? { retries } : {}) },
      { DONEGATE_URL: api.url, DONEGATE_TOKEN: 'dg_ci_test' },
      { out: out.stream, err: err.stream },
      { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    );
    return { code, stdout: out.text(), stderr: err.text() };
  };

  it('retries a 503, a 429 and a dropped connection, then succeeds, every attempt with the same Idempotency-Key', async () => {
    api.script = [503, { status: 429, headers: { 'retry-after': '7' } }, 'reset'];
    const result = await submit();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('accepted: dependency-audit evidence for jira ML-1');
    expect(api.received).toHaveLength(4);
    const keys = api.headers.map((headers) => headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'donegate: attempt 1 of 5 failed (HTTP 503 unavailable); retrying in 0.5 s',
      'donegate: attempt 2 of 5 failed (HTTP 429 unavailable); retrying in 7.0 s as the server asked',
      expect.stringMatching(/^donegate: attempt 3 of 5 failed \(.+\); retrying in 2\.0 s$/),
    ]);
    expect(waits).toEqual([500, 7000, 2000]);
  });

  it('caps a Retry-After given as an HTTP date', async () => {
    api.script = [{ status: 503, headers: { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() } }];
    expect((await submit()).code).toBe(0);
    expect(waits).toEqual([DEFAULT_RETRY_SCHEDULE.retryAfterCapMs]);
  });

  it('does not retry a 400: the request itself is wrong', async () => {
    api.status = 400;
    const result = await submit();
    expect(result.code).toBe(1);
    expect(api.received).toHaveLength(1);
    expect(result.stderr).not.toContain('retrying');
  });

  it('gives up after --retries and exits 2 on a server that stays unavailable', async () => {
    api.status = 502;
    const result = await submit(2);
    expect(result.code).toBe(2);
    expect(api.received).toHaveLength(3);
    expect(result.stderr).toContain('attempt 2 of 3 failed (HTTP 502 unavailable)');
    expect(result.stderr).toContain('rejected (HTTP 502 unavailable)');
  });

  it('sends once with --retries 0', async () => {
    api.script = ['reset'];
    const result = await submit(0);
    expect(result.code).toBe(2);
    expect(api.received).toHaveLength(1);
    expect(result.stderr).toContain(`cannot reach ${api.url}`);
  });
});
