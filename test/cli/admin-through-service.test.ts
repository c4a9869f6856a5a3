import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createJiraSimulator, type JiraSimulator } from '../../simulators/jira/create-jira-simulator.js';
import { registerAuditCommands } from '../../src/cli/audit-commands.js';
import { registerTokenCommands } from '../../src/cli/token-commands.js';
import { registerWaiverCommands } from '../../src/cli/waiver-commands.js';
import { TEST_REDIS_URL, uniquePrefix, deleteKeys } from '../support/redis.js';
import { runCommand } from '../support/run-command.js';
import { waitFor } from '../support/wait-for.js';

const run = promisify(execFile);
const BIN = 'bin/donegate.js';
const TOKEN = /dg_[A-Za-z0-9_-]{43}/g;
const A_TOKEN = /dg_[A-Za-z0-9_-]{43}/;

async function donegate(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Commands in-process, as main registers them, against the service through `env`. */
const cli = (args: string[], env: NodeJS.ProcessEnv) =>
  runCommand((program, io) => {
    const noDatabase = () => Promise.reject(new Error('these commands must not open the database'));
    registerTokenCommands(program, { ...io, openDb: noDatabase, env });
    registerAuditCommands(program, { ...io, openDb: noDatabase, signingKey: async () => undefined, env });
    registerWaiverCommands(program, { ...io, env });
  }, args);

describe('admin commands against a running donegate serve on the embedded store', () => {
  let jira: JiraSimulator;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let dataDir: string;
  let url: string;
  let adminToken: string;
  let stderr = '';
  let stdout = '';
  const prefix = uniquePrefix();

  beforeAll(async () => {
    jira = await createJiraSimulator();
    dataDir = await mkdtemp(join(tmpdir(), 'donegate-admin-api-'));
    child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        PORT: '0',
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        JIRA_BASE_URL: jira.baseUrl,
        JIRA_EMAIL: jira.email,
        JIRA_API_TOKEN: jira.apiToken,
        JIRA_WEBHOOK_SECRET: 'admin-api-secret',
      },
    });
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(() => A_TOKEN.test(stderr) && (stdout + stderr).includes('receiver listening'), { timeoutMs: 90_000, what: 'donegate serve to print the initial admin token and listen' });
    adminToken = stderr.match(TOKEN)![0];
    const listening = (stdout + stderr).split('\n').find((line) => line.includes('receiver listening'))!;
    url = (JSON.parse(listening) as { url: string }).url;
  }, 120_000);
  afterAll(async () => {
    child.kill('SIGTERM');
    await exited;
    await jira.close();
    await deleteKeys(prefix);
  });

  it('printed the initial admin token once, on stderr, and not in its JSON log lines', () => {
    expect(stderr.match(TOKEN)).toHaveLength(1);
    expect(stdout).not.toContain(adminToken);
    const logLines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.some((line) => line.includes('created the initial admin token'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(adminToken);
  });

  it('creates a token through --url with DONEGATE_TOKEN: it works, its entry is exported, and the chain verifies', async () => {
    const created = await donegate(['token', 'create', '--role', 'auditor', '--name', 'auditor-2026', '--url', url], { DATA_DIR: dataDir, DONEGATE_TOKEN: adminToken });
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('created token "auditor-2026" (role auditor, every project)');
    const auditorToken = created.stdout.trim();
    expect(auditorToken).toMatch(/^dg_[A-Za-z0-9_-]{43}$/);

    const exported = await fetch(`${url}/api/v1/audit/export`, { headers: { authorization: `Bearer ${auditorToken}` } });
    expect(exported.status).toBe(200);
    const entries = (await exported.text()).trim().split('\n').map((line) => JSON.parse(line) as { type: string; actor: string; data: { name?: string } });
    expect(entries.filter((e) => e.type === 'token-created').map((e) => [e.actor, e.data.name])).toEqual([
      ['first-start', 'initial-admin'],
      ['token:initial-admin', 'auditor-2026'],
    ]);

    const verified = await cli(['audit', 'verify'], { DONEGATE_URL: url, DONEGATE_TOKEN: auditorToken });
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.out).toMatch(/^audit log verified: 2 entries \(1–2\); the first entry follows the genesis hash/);
  }, 60_000);

  it('refuses the same command without --url with exit 2, naming --url, and writes nothing', async () => {
    const refused = await donegate(['token', 'create', '--role', 'ci', '--name', 'without-url'], { DATA_DIR: dataDir, DONEGATE_TOKEN: adminToken });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`DATA_DIR ${dataDir} is in use by \`donegate serve\``);
    expect(refused.stderr).toContain('with --url <its URL> and an admin token in DONEGATE_TOKEN, or stop it');
    const listed = await cli(['token', 'list', '--json'], { DONEGATE_URL: url, DONEGATE_TOKEN: adminToken });
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as Array<{ name: string }>).map((t) => t.name)).toEqual(['initial-admin', 'auditor-2026']);
    expect(listed.out).not.toMatch(A_TOKEN);
  }, 60_000);

  it('lists and revokes through the API with the same output as on the database; exit 1 for a token that is not there', async () => {
    const env = { DONEGATE_URL: url, DONEGATE_TOKEN: adminToken };
    const created = await cli(['token', 'create', '--role', 'ci', '--name', 'ci-main', '--projects', 'ML'], env);
    expect(created.code).toBe(0);
    const table = await cli(['token', 'list'], env);
    expect(table.out).toMatch(/^NAME\s+ROLE\s+PROJECTS\s+PREFIX/);
    expect(table.out).toMatch(/\nci-main\s+ci\s+ML\s+dg_/);
    expect(await cli(['token', 'revoke', 'ci-main'], env)).toMatchObject({ code: 0, out: expect.stringMatching(/^revoked token "ci-main" \(dg_.{5}…, role ci\)\n$/) });
    const again = await cli(['token', 'revoke', 'ci-main'], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('TOKEN_NOT_FOUND');
    const duplicate = await cli(['token', 'create', '--role', 'ci', '--name', 'auditor-2026'], env);
    expect(duplicate.code).toBe(2);
  }, 60_000);

  it('exits 1 when the service refuses the token (401, 403) and 2 on a network error or a missing DONEGATE_TOKEN', async () => {
    const unknown = await cli(['token', 'list', '--url', url], { DONEGATE_TOKEN: `dg_${'A'.repeat(43)}` });
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('HTTP 401');
    const auditor = (await cli(['token', 'create', '--role', 'auditor', '--name', 'auditor-b'], { DONEGATE_URL: url, DONEGATE_TOKEN: adminToken })).out.trim();
    const forbidden = await cli(['token', 'create', '--role', 'admin', '--name', 'escalate', '--url', url], { DONEGATE_TOKEN: auditor });
    expect(forbidden.code).toBe(1);
    expect(forbidden.err).toContain('HTTP 403');
    const unreachable = await cli(['token', 'list', '--url', 'http://127.0.0.1:9'], { DONEGATE_TOKEN: adminToken });
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toContain('cannot reach http://127.0.0.1:9');
    const noToken = await cli(['token', 'list', '--url', url], {});
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain('set DONEGATE_TOKEN');
  }, 60_000);

  it('manages waivers only through the service: exit 2 without a URL; create, list and revoke with one', async () => {
    expect(await cli(['waiver', 'list'], {})).toMatchObject({ code: 2, err: expect.stringContaining('waivers are managed through the running service') });
    const env = { DONEGATE_URL: url, DONEGATE_TOKEN: adminToken };
    const expires = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const created = await cli(['waiver', 'create', '--tracker', 'jira', '--ticket', 'ML-9', '--criterion', 'dependency-audit', '--reason', 'fix next sprint', '--expires', expires], env);
    expect(created.code).toBe(0);
    const id = created.out.trim();
    expect((await cli(['waiver', 'list', '--status', 'active'], env)).out).toContain(`${id}  active`);
    expect(await cli(['waiver', 'revoke', id, '--reason', 'fixed'], env)).toMatchObject({ code: 0 });
    expect((await cli(['waiver', 'list', '--status', 'expired', '--json'], env)).out).toContain('"status": "revoked"');
    expect((await cli(['waiver', 'revoke', '00000000-0000-4000-8000-000000000000', '--reason', 'x'], env)).code).toBe(1);
    expect((await cli(['waiver', 'create', '--tracker', 'jira', '--ticket', 'ML-9', '--criterion', 'nope', '--reason', 'x', '--expires', expires], env)).code).toBe(2);
  }, 60_000);
});
