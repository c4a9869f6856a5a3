import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runScanCommand, type ScanCommandOptions } from '../../src/cli/run-scan-command.js';
import { scanWithProgress } from '../../src/cli/scan-with-progress.js';
import { FingerprintKey } from '../../src/scan/index.js';
import { REASON_PLACEHOLDER } from '../../src/scan-report/index.js';
import type { ScanReport } from '../../src/scan/scan-types.js';
import { RAW_VALUES, scanReport } from '../scan-report/scan-report-fixture.js';

function capture(isTTY = false) {
  let text = '';
  const stream = Object.assign(new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), { isTTY });
  return { stream, text: () => text };
}

/** The key CI would hold as a secret: 32 bytes in hex. */
const KEY_HEX = 'ab'.repeat(32);

async function scan(options: Partial<ScanCommandOptions>, result: ScanReport | Error = scanReport(), env: NodeJS.ProcessEnv = { DONEGATE_FINGERPRINT_KEY: KEY_HEX }) {
  const out = capture();
  const err = capture();
  const keyIds: string[] = [];
  const code = await runScanCommand(['data/'], { format: 'text', ...options }, {
    out: out.stream,
    err: err.stream,
    env,
    scan: async (_paths, { onProgress, fingerprintKey }) => {
      keyIds.push(fingerprintKey.id);
      onProgress?.({ files: 1, bytes: 1_000_000 });
      if (result instanceof Error) throw result;
      return result;
    },
  });
  return { code, stdout: out.text(), stderr: err.text(), keyIds };
}

describe('donegate scan', () => {
  it('exits 1 with findings and 0 when clean', async () => {
    expect((await scan({})).code).toBe(1);
    expect((await scan({}, scanReport([]))).code).toBe(0);
  });

  it.each(['text', 'json', 'sarif'])('prints --format %s on stdout without any raw value, and no progress when stderr is not a terminal', async (format) => {
    const { stdout, stderr } = await scan({ format });
    for (const raw of RAW_VALUES) expect(stdout + stderr).not.toContain(raw);
    expect(stdout).toContain('j***@e***.com');
    expect(stderr).toBe('');
  });

  it.each([
    ['an unknown format', { format: 'xml' }, /--format must be one of text, json, sarif/],
    ['--submit without a ticket', { submit: true, tracker: 'jira' }, /--submit needs --tracker and --ticket/],
    ['an unknown criterion', { submit: true, tracker: 'jira', ticket: 'ML-1', criterion: 'dependency-audit' }, /--criterion must be one of pii-scan, secret-scan/],
    ['--submit without DONEGATE_URL', { submit: true, tracker: 'jira', ticket: 'ML-1' }, /set DONEGATE_URL/],
    ['a missing baseline', { baseline: '/nonexistent.yaml' }, /cannot read the baseline/],
    ['a country with no numbering plan', { country: 'GB,ZZ' }, /--country takes two-letter ISO 3166 codes .*\(not one: ZZ\)/],
    ['an empty country list', { country: ' , ' }, /--country takes two-letter ISO 3166 codes/],
    ['--ci-run-url without --submit', { ciRunUrl: 'https://ci.example.com/runs/1' }, /--ci-run-url only applies with --submit/],
    ['--fail-on-findings without --submit', { failOnFindings: true }, /--fail-on-findings only applies with --submit/],
    ['a plain-http --ci-run-url', { submit: true, tracker: 'jira', ticket: 'ML-1', ciRunUrl: 'http://ci.example.com/runs/1' }, /--ci-run-url: a CI run URL must be an absolute https:\/\/ URL/],
    ['--max-inflated-bytes written as 1e9', { maxInflatedBytes: '1e9' }, /--max-inflated-bytes takes a whole number of bytes/],
    ['a --max-inflate-ratio of 0', { maxInflateRatio: '0' }, /--max-inflate-ratio takes a whole number/],
  ])('exits 2 on %s', async (_what, options, message) => {
    const { code, stderr } = await scan(options);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('passes --max-inflated-bytes and --max-inflate-ratio to the scan as numbers', async () => {
    let seen: unknown;
    await runScanCommand(['data/'], { format: 'json', maxInflatedBytes: '1048576', maxInflateRatio: '20' }, {
      out: capture().stream,
      err: capture().stream,
      env: {},
      scan: async (_paths, { maxInflatedBytes, maxInflateRatio }) => ((seen = { maxInflatedBytes, maxInflateRatio }), scanReport([])),
    });
    expect(seen).toEqual({ maxInflatedBytes: 1048576, maxInflateRatio: 20 });
  });

  it('passes every --country code, upper-cased and in order, to the scan', async () => {
    let seen: string[] | undefined;
    await runScanCommand(['data/'], { format: 'json', country: 'gb, de' }, {
      out: capture().stream,
      err: capture().stream,
      env: {},
      scan: async (_paths, { countries }) => ((seen = countries), scanReport([])),
    });
    expect(seen).toEqual(['GB', 'DE']);
  });

  it('exits 2 rather than 0 when a file could not be read, naming it, since the scan is incomplete', async () => {
    const clean = scanReport([]);
    const partial = { ...clean, files: [...clean.files, { file: 'data/locked.csv', sha256: '', size: 0, skipped: 'unreadable: EACCES' }] };
    const { code, stderr } = await scan({}, partial);
    expect(code).toBe(2);
    expect(stderr).toContain('data/locked.csv (unreadable: EACCES)');
  });

  it('exits 2 for a path that does not exist, through the real scanner, naming the path', async () => {
    const err = capture();
    const code = await runScanCommand(['/no/such/dataset'], { format: 'text' }, { out: capture().stream, err: err.stream, env: {}, scan: scanWithProgress });
    expect(code).toBe(2);
    expect(err.text()).toContain('/no/such/dataset (unreadable: ENOENT)');
  });

  it('exits 2 when the scan itself fails (I/O)', async () => {
    const { code, stderr } = await scan({}, new Error('cannot read data/: EACCES'));
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read data/: EACCES');
  });

  it('writes a baseline, refuses it until the reasons are filled in, then exits 0 with the findings counted as baselined', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'donegate-scan-')), 'baseline.yaml');
    const written = await scan({ writeBaseline: file });
    expect(written.code).toBe(1);
    expect(written.stderr).toContain(`wrote 4 new finding(s) to ${file}`);
    expect((await scan({ baseline: file })).code).toBe(2);

    await writeFile(file, (await readFile(file, 'utf8')).replaceAll(REASON_PLACEHOLDER, 'synthetic fixtures'));
    const accepted = await scan({ baseline: file, format: 'json' });
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ findings: [], baselined: 4, summary: { pii: 0, secrets: 0 } });
  });

  describe('fingerprint key', () => {
    const keyFile = async (text: string) => {
      const file = join(await mkdtemp(join(tmpdir(), 'donegate-key-')), 'fingerprint.key');
      await writeFile(file, text);
      return file;
    };

    it('keys the scan with DONEGATE_FINGERPRINT_KEY, in hex or base64, the same key either way', async () => {
      const hex = await scan({});
      const base64 = await scan({}, scanReport(), { DONEGATE_FINGERPRINT_KEY: Buffer.from(KEY_HEX, 'hex').toString('base64') });
      expect(hex.keyIds).toEqual([new FingerprintKey(Buffer.from(KEY_HEX, 'hex')).id]);
      expect(base64.keyIds).toEqual(hex.keyIds);
    });

    it('reads --fingerprint-key-file before DONEGATE_FINGERPRINT_KEY_FILE and DONEGATE_FINGERPRINT_KEY', async () => {
      const flagFile = await keyFile(`${'cd'.repeat(32)}\n`);
      const envFile = await keyFile('ef'.repeat(32));
      const fromFlag = await scan({ fingerprintKeyFile: flagFile }, scanReport(), { DONEGATE_FINGERPRINT_KEY_FILE: envFile });
      const fromEnvFile = await scan({}, scanReport(), { DONEGATE_FINGERPRINT_KEY_FILE: envFile });
      expect(fromFlag.keyIds).toEqual([new FingerprintKey(Buffer.from('cd'.repeat(32), 'hex')).id]);
      expect(fromEnvFile.keyIds).toEqual([new FingerprintKey(Buffer.from('ef'.repeat(32), 'hex')).id]);
    });

    it.each([
      ['a key that is neither hex nor base64', { DONEGATE_FINGERPRINT_KEY: 'not a key!' }, /DONEGATE_FINGERPRINT_KEY is neither hex nor base64/],
      ['a key shorter than 32 bytes', { DONEGATE_FINGERPRINT_KEY: 'ab'.repeat(16) }, /DONEGATE_FINGERPRINT_KEY holds 16 bytes, fewer than 32/],
      ['both key variables', { DONEGATE_FINGERPRINT_KEY: KEY_HEX, DONEGATE_FINGERPRINT_KEY_FILE: '/k' }, /both set: keep one/],
      ['a key file that does not exist', { DONEGATE_FINGERPRINT_KEY_FILE: '/nonexistent/key' }, /cannot read DONEGATE_FINGERPRINT_KEY_FILE \(\/nonexistent\/key\): ENOENT/],
    ])('exits 2 on %s, naming where the key came from and never printing it', async (_what, env, message) => {
      const { code, stderr, keyIds } = await scan({}, scanReport(), env);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(keyIds).toEqual([]);
      const key = (env as NodeJS.ProcessEnv).DONEGATE_FINGERPRINT_KEY;
      if (key) expect(stderr).not.toContain(key);
    });

    it('exits 2 on a malformed key file, naming the flag and the file', async () => {
      const file = await keyFile('sh0rt');
      const { code, stderr } = await scan({ fingerprintKeyFile: file });
      expect(code).toBe(2);
      expect(stderr).toContain(`--fingerprint-key-file ${file} holds 3 bytes, fewer than 32`);
      expect(stderr).not.toContain('sh0rt\n');
    });

    it.each([['--baseline', { baseline: '/b.yaml' }], ['--write-baseline', { writeBaseline: '/b.yaml' }]])('refuses %s without a key, since a key of one run matches no other', async (flag, options) => {
      const { code, stderr, keyIds } = await scan(options, scanReport(), {});
      expect(code).toBe(2);
      expect(stderr).toContain(`${flag} needs the same fingerprint key on every run: set DONEGATE_FINGERPRINT_KEY`);
      expect(keyIds).toEqual([]);
    });

    it('without a key, scans under a key of its own and says on stderr that fingerprints will not match another run', async () => {
      const first = await scan({ format: 'json' }, scanReport(), {});
      const second = await scan({ format: 'json' }, scanReport(), {});
      expect(first.code).toBe(1);
      expect(first.stderr).toContain('fingerprints are keyed for this run only');
      expect(first.keyIds[0]).not.toBe(second.keyIds[0]);
    });

    it('refuses a baseline written under another key', async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'donegate-scan-')), 'baseline.yaml');
      await scan({ writeBaseline: file });
      const { code, stderr } = await scan({ baseline: file }, scanReport(), { DONEGATE_FINGERPRINT_KEY: 'cd'.repeat(32) });
      expect(code).toBe(2);
      expect(stderr).toContain('was written under fingerprint key');
    });
  });

  it('shows files, MB and MB/s on stderr when it is a terminal', async () => {
    const err = capture(true);
    await runScanCommand(['data/'], { format: 'json' }, {
      out: capture().stream,
      err: err.stream,
      env: {},
      scan: async (_paths, { onProgress }) => {
        await new Promise((resolve) => setImmediate(resolve));
        onProgress?.({ files: 3, bytes: 5_000_000 });
        return scanReport([]);
      },
    });
    expect(err.text()).toMatch(/scanning: 3 files, 5\.0 MB, [\d.]+ MB\/s/);
  });
});
