import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createJiraSimulator, type JiraSimulator } from '../../simulators/jira/create-jira-simulator.js';
import { LOCK_FILE_NAME } from '../../src/store/data-dir-lock.js';
import { TEST_REDIS_URL, uniquePrefix, deleteKeys } from '../support/redis.js';
import { waitFor } from '../support/wait-for.js';

const run = promisify(execFile);
const BIN = 'bin/donegate.js';
const baseEnv = (dataDir: string): Record<string, string> => ({ PATH: process.env.PATH ?? '', DATA_DIR: dataDir });

async function donegate(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The audit entries of the store under `dataDir`, as `audit export` gives them. */
async function auditTypesFor(dataDir: string, name: string): Promise<string[]> {
  const exported = await donegate(['audit', 'export'], baseEnv(dataDir));
  expect(exported.code).toBe(0);
  return exported.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { type: string; data?: { name?: string } })
    .filter((entry) => entry.data?.name === name)
    .map((entry) => entry.type);
}

describe('one process owns a PGlite DATA_DIR', () => {
  let jira: JiraSimulator;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    jira = await createJiraSimulator();
  });
  afterAll(async () => {
    await jira.close();
    await deleteKeys(prefix);
  });

  const startServe = async (dataDir: string): Promise<{ child: ChildProcess; exited: Promise<number | null> }> => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...baseEnv(dataDir),
        PORT: '0',
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        JIRA_BASE_URL: jira.baseUrl,
        JIRA_EMAIL: jira.email,
        JIRA_API_TOKEN: jira.apiToken,
        JIRA_WEBHOOK_SECRET: 'lock-secret',
      },
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(() => log.includes('receiver listening'), { timeoutMs: 60_000, what: 'donegate serve to listen' });
    return { child, exited };
  };

  it('refuses token create while serve holds the directory, writing nothing; after serve stops it works and is audited', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'donegate-locked-'));
    const serve = await startServe(dataDir);
    let refused;
    try {
      refused = await donegate(['token', 'create', '--role', 'ci', '--name', 'while-serving'], baseEnv(dataDir));
    } finally {
      serve.child.kill('SIGTERM');
    }
    expect(await serve.exited).toBe(0);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      new RegExp(`^donegate: DATA_DIR ${dataDir} is in use by \`donegate serve\` \\(pid ${serve.child.pid}, since \\d{4}-[^)]+\\); run admin commands against it with --url <its URL> and an admin token in DONEGATE_TOKEN, or stop it; use DATABASE_URL for several processes\\n$`),
    );
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);

    expect(await auditTypesFor(dataDir, 'while-serving')).toEqual([]);
    const listed = await donegate(['token', 'list', '--json'], baseEnv(dataDir));
    expect((JSON.parse(listed.stdout) as Array<{ name: string }>).map((t) => t.name)).not.toContain('while-serving');
    const created = await donegate(['token', 'create', '--role', 'ci', '--name', 'after-serving'], baseEnv(dataDir));
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^dg_/);
    expect(await auditTypesFor(dataDir, 'after-serving')).toEqual(['token-created']);
  }, 120_000);

  it('takes over a lock left by a process that no longer runs, and says so', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'donegate-stale-'));
    const pid = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid, host: hostname(), command: 'donegate serve', since: '2026-01-01T00:00:00.000Z' }));
    const created = await donegate(['token', 'create', '--role', 'ci', '--name', 'after-crash'], baseEnv(dataDir));
    expect(created.code).toBe(0);
    expect(created.stderr).toContain(`took over the stale lock ${join(dataDir, LOCK_FILE_NAME)} left by \`donegate serve\` (pid ${pid}`);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    expect(await auditTypesFor(dataDir, 'after-crash')).toEqual(['token-created']);
  }, 60_000);

  it.each(['receiver', 'worker'])('refuses to run %s on the embedded store, asking for DATABASE_URL', async (role) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'donegate-role-'));
    const result = await donegate([role], { ...baseEnv(dataDir), REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`\`donegate ${role}\` runs as a separate process.*set DATABASE_URL`));
  }, 60_000);
});
