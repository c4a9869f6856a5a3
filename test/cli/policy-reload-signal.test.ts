import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJiraSimulator, type JiraSimulator } from '../../simulators/jira/create-jira-simulator.js';
import { TEST_POLICY } from '../support/gate-harness.js';
import { TEST_REDIS_URL, uniquePrefix, deleteKeys } from '../support/redis.js';
import { waitFor } from '../support/wait-for.js';

const BIN = 'bin/donegate.js';
const NEW_POLICY = `${TEST_POLICY}# reviewed 2026-12
`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('donegate serve on SIGHUP', () => {
  const prefix = uniquePrefix();
  let jira: JiraSimulator;
  beforeAll(async () => {
    jira = await createJiraSimulator();
  });
  afterAll(async () => {
    await jira.close();
    await deleteKeys(prefix);
  });

  it('reloads a good POLICY_FILE, logging the new hash, and keeps the policy in force when the file is bad', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'donegate-sighup-'));
    const policyFile = join(folder, 'policy.yaml');
    await writeFile(policyFile, TEST_POLICY);
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: folder,
        PORT: '0',
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        POLICY_FILE: policyFile,
        JIRA_BASE_URL: jira.baseUrl,
        JIRA_EMAIL: jira.email,
        JIRA_API_TOKEN: jira.apiToken,
        JIRA_WEBHOOK_SECRET: 'sighup-secret',
      },
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(() => log.includes('receiver listening'), { timeoutMs: 60_000, what: 'donegate serve to listen' });

      await writeFile(policyFile, NEW_POLICY);
      child.kill('SIGHUP');
      await waitFor(() => log.includes(`policy reloaded: ${sha256(NEW_POLICY)}`), { what: 'the reload line' });

      await writeFile(policyFile, 'version: 1\nrules: [');
      child.kill('SIGHUP');
      await waitFor(() => log.includes('policy not reloaded, the one in force is kept'), { what: 'the refusal line' });
      const refusal = log.split('\n').find((line) => line.includes('policy not reloaded'))!;
      expect(JSON.parse(refusal)).toMatchObject({ level: 50, via: 'signal', by: 'signal', policyHash: sha256(NEW_POLICY) });
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
