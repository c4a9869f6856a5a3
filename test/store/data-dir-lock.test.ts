import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, currentCommand, DataDirInUseError, LOCK_FILE_NAME } from '../../src/store/data-dir-lock.js';
import { openPglite } from '../../src/store/open-pglite.js';

const freshDir = () => mkdtemp(join(tmpdir(), 'donegate-lock-'));

/** The pid of a process that has ended: nothing runs under it any more. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('acquireDataDirLock', () => {
  it('writes pid, host, command and start time, and removes the file on release', async () => {
    const dir = await freshDir();
    const lock = acquireDataDirLock(dir, { command: 'donegate serve' });
    const held = JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(held).toEqual({ pid: process.pid, host: hostname(), command: 'donegate serve', since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a directory a live process holds, naming the holder and what to do', async () => {
    const dir = await freshDir();
    const lock = acquireDataDirLock(dir, { command: 'donegate serve' });
    try {
      let refusal: unknown;
      try {
        acquireDataDirLock(dir, { command: 'donegate token create' });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DataDirInUseError);
      expect((refusal as Error).message).toBe(
        `DATA_DIR ${dir} is in use by \`donegate serve\` (pid ${process.pid}, since ${(refusal as DataDirInUseError).holder.since}); run admin commands against it with --url <its URL> and an admin token in DONEGATE_TOKEN, or stop it; use DATABASE_URL for several processes`,
      );
    } finally {
      lock.release();
    }
  });

  it('takes over a lock left by a process that no longer runs, and reports it', async () => {
    const dir = await freshDir();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid, host: hostname(), command: 'donegate serve', since: '2026-01-01T00:00:00.000Z' }));
    const reports: Array<number | undefined> = [];
    const lock = acquireDataDirLock(dir, { command: 'donegate audit verify', onTakeover: (stale) => reports.push(stale?.pid) });
    expect(reports).toEqual([pid]);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid, command: 'donegate audit verify' });
    lock.release();
  });

  it('takes over a lock naming its own pid that it does not hold: an earlier process had that pid (a restarted container)', async () => {
    const dir = await freshDir();
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: process.pid, host: hostname(), command: 'donegate serve', since: '2026-01-01T00:00:00.000Z' }));
    const reports: Array<number | undefined> = [];
    const lock = acquireDataDirLock(dir, { onTakeover: (stale) => reports.push(stale?.pid) });
    expect(reports).toEqual([process.pid]);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirInUseError);
    lock.release();
  });

  it('does not take over a lock held from another host, whose process it cannot check', async () => {
    const dir = await freshDir();
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid(), host: `not-${hostname()}`, command: 'donegate serve', since: 'x' }));
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by `donegate serve` \(pid \d+ on not-/);
  });

  it('release leaves alone a lock that is no longer its own', async () => {
    const dir = await freshDir();
    const lock = acquireDataDirLock(dir);
    writeFileSync(join(dir, LOCK_FILE_NAME), 'someone else');
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe('someone else');
  });
});

describe('currentCommand', () => {
  it('names donegate and at most two subcommand words, stopping at the first option', () => {
    expect(currentCommand(['node', 'main', 'serve'])).toBe('donegate serve');
    expect(currentCommand(['node', 'main', 'token', 'create', '--name', 'x'])).toBe('donegate token create');
    expect(currentCommand(['node', 'main', 'token', 'revoke', 'someone'])).toBe('donegate token revoke');
  });
});

describe('openPglite on a directory', () => {
  it('holds the lock while open, so a second open is refused, and releases it on close', async () => {
    const dir = await freshDir();
    const db = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    await db.close();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    const again = await openPglite(dir);
    expect(await again.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await again.close();
  }, 60_000);
});
