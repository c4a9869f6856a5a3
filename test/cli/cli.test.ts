import { execFile, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createJiraSimulator, type JiraSimulator } from '../../simulators/jira/create-jira-simulator.js';
import { TEST_REDIS_URL, uniquePrefix, deleteKeys } from '../support/redis.js';
import { waitFor } from '../support/wait-for.js';

const run = promisify(execFile);
const BIN = 'bin/donegate.js';

async function donegate(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('donegate policy check', () => {
  it('exits 0 and summarises a valid policy', async () => {
    const result = await donegate(['policy', 'check', 'config/policy.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/config\/policy\.yaml: valid — 2 rule\(s\) \(ml-models: block, platform-services: warn\)/);
  });

  it('exits 1 naming the rule, the key and the line of each problem', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'donegate-cli-'));
    const file = join(folder, 'policy.yaml');
    await writeFile(file, 'version: 1\nrules:\n  - name: ml\n    match: {}\n    mode: blok\n    require: [pii-scan]\n');
    const result = await donegate(['policy', 'check', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:5: rule "ml", rules[0].mode:`);
  });

  it('exits 2 on a usage error', async () => {
    expect((await donegate(['policy', 'check'])).code).toBe(2);
    expect((await donegate(['no-such-command'])).code).toBe(2);
  });
});

describe('donegate serve', () => {
  it('refuses to start with a half-configured tracker, naming the missing variables', async () => {
    const result = await donegate(['serve'], { JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_EMAIL: 'bot@acme.test' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set JIRA_API_TOKEN, JIRA_WEBHOOK_SECRET too');
  });

  describe('when it receives SIGTERM', () => {
    let jira: JiraSimulator;
    const prefix = uniquePrefix();
    beforeAll(async () => {
      jira = await createJiraSimulator();
    });
    afterAll(async () => {
      await jira.close();
      await deleteKeys(prefix);
    });

    it('stops taking deliveries, closes the worker and exits 0', async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'donegate-serve-'));
      const child = spawn(process.execPath, [BIN, 'serve'], {
        env: {
          PATH: process.env.PATH ?? '',
          PORT: '0',
          REDIS_URL: TEST_REDIS_URL,
          DATA_DIR: dataDir,
          QUEUE_PREFIX: prefix,
          JIRA_BASE_URL: jira.baseUrl,
          JIRA_EMAIL: jira.email,
          JIRA_API_TOKEN: jira.apiToken,
          JIRA_WEBHOOK_SECRET: 'cli-secret',
        },
      });
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await waitFor(() => log.includes('receiver listening'), { timeoutMs: 60_000, what: 'donegate to listen' });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(log).toContain('"signal":"SIGTERM"');
      expect(log).toContain('donegate stopped');
    }, 90_000);
  });
});
