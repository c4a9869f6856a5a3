import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runScanCommand } from '../../../src/cli/run-scan-command.js';
import { scanWithProgress } from '../../../src/cli/scan-with-progress.js';
import { IgnoreFileError, parseIgnoreFile } from '../../../src/scan/allow/index.js';
import { FingerprintKey, scanToReport } from '../../../src/scan/index.js';
import { formatJsonReport, formatSarifReport, formatTextReport, reportOfKind, scanReportSchema } from '../../../src/scan-report/index.js';

const KEY_HEX = 'cd'.repeat(32);
const KEY = new FingerprintKey(Buffer.from(KEY_HEX, 'hex'));
const AWS = 'AKIAQWERTYUIOPASDFGH';

function capture() {
  let text = '';
  return { stream: new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), text: () => text };
}

async function folder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'allow-lists-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  return root;
}

async function cli(root: string, format = 'json') {
  const out = capture();
  const err = capture();
  const code = await runScanCommand([root], { format }, { out: out.stream, err: err.stream, env: { DONEGATE_FINGERPRINT_KEY: KEY_HEX }, scan: scanWithProgress });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('allow-lists recorded in the scan report', () => {
  it('lists a finding on a donegate:allow line under allowed, with its reason, and not as a finding', async () => {
    const root = await folder({ 'keys.py': `aws = "${AWS}"  # donegate:allow reason="revoked test key"\nother = "AKIAZXCVBNMASDFGHJKL"\n` });
    const report = await scanToReport([root], { fingerprintKey: KEY, nameAs: (file) => file.slice(root.length + 1) });
    expect(report.findings.map((f) => f.line)).toEqual([2]);
    expect(report.allowed).toEqual([{ file: 'keys.py', line: 1, column: 8, detector: 'aws-access-key-id', kind: 'secret', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), via: 'inline', reason: 'revoked test key' }]);
    expect(scanReportSchema.parse(JSON.parse(formatJsonReport(report))).allowed).toEqual(report.allowed);
  });

  it('drops an inline reason that repeats the value it allows, so the report never carries it', async () => {
    const root = await folder({ 'keys.py': `aws = "${AWS}"  # donegate:allow reason="${AWS}"\n` });
    const report = await scanToReport([root], { fingerprintKey: KEY });
    // The value in the reason is found and allowed too: two entries, neither with the reason.
    expect(report.allowed).toEqual([expect.not.objectContaining({ reason: expect.anything() }), expect.not.objectContaining({ reason: expect.anything() })]);
    for (const output of [formatTextReport(report), formatJsonReport(report), formatSarifReport(report)]) expect(output).not.toContain(AWS);
  });

  it('allows by a .donegateignore fingerprint prefix at the scan root, naming who and why, and exits 0', async () => {
    const root = await folder({ 'settings.py': `AWS_KEY = "${AWS}"\n` });
    const first = JSON.parse((await cli(root)).stdout) as { findings: Array<{ fingerprint: string }> };
    await writeFile(join(root, '.donegateignore'), `# allowed secrets\n${first.findings[0]!.fingerprint.slice(0, 16)}  by=alice  # documentation example key\n`);
    const { code, stdout } = await cli(root);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: unknown[]; allowed: unknown[] };
    expect(report.findings).toEqual([]);
    expect(report.allowed).toEqual([expect.objectContaining({ via: '.donegateignore', by: 'alice', reason: 'documentation example key', source: `${join(root, '.donegateignore')}:2` })]);
    const text = await cli(root, 'text');
    expect(text.stdout).toMatch(/allowed .*settings\.py:1:12 aws-access-key-id [0-9a-f]{12} \(.*\.donegateignore:2, by alice\): documentation example key/);
    expect(text.stdout + stdout).not.toContain(AWS);
  });

  it('shows allowed findings in SARIF as suppressed results: inSource for inline, external for .donegateignore', async () => {
    const root = await folder({ 'a.py': `x = "${AWS}"  # donegate:allow\n` });
    const sarif = JSON.parse((await cli(root, 'sarif')).stdout) as { runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ kind: string; status: string }> }> }> };
    expect(sarif.runs[0]!.results).toEqual([expect.objectContaining({ ruleId: 'aws-access-key-id', suppressions: [expect.objectContaining({ kind: 'inSource', status: 'accepted' })] })]);
  });

  it('keeps allowed findings with their kind when a report is split for pii-scan and secret-scan', async () => {
    const root = await folder({ 'a.py': `x = "${AWS}"  # donegate:allow\n` });
    const report = await scanToReport([root], { fingerprintKey: KEY });
    expect(reportOfKind(report, 'pii').allowed).toEqual([]);
    expect(reportOfKind(report, 'secret').allowed).toHaveLength(1);
  });

  it('turns control characters in a reason into spaces, so a report printed on a terminal cannot carry escapes', () => {
    expect(parseIgnoreFile('0123456789abcdef by=mallory # ok\u001b[2Jcleared\n', '.donegateignore')[0]).toMatchObject({ reason: 'ok [2Jcleared' });
  });

  it('refuses a .donegateignore line that is not a fingerprint, naming the file and line (exit 2)', async () => {
    expect(() => parseIgnoreFile('0123456789abcdef # ok\nnot-a-fingerprint\n', '.donegateignore')).toThrow(new IgnoreFileError('.donegateignore:2: expected a fingerprint (12 to 64 hex digits), then optionally by=<who>, then # <reason>'));
    const root = await folder({ '.donegateignore': 'abc\n' });
    const { code, stderr } = await cli(root);
    expect(code).toBe(2);
    expect(stderr).toContain('.donegateignore:1: expected a fingerprint');
  });
});
