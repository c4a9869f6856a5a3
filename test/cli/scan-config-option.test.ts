import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runScanCommand } from '../../src/cli/run-scan-command.js';
import { scanWithProgress } from '../../src/cli/scan-with-progress.js';

function capture() {
  let text = '';
  return { stream: new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), text: () => text };
}

async function scanWithConfig(config: string, format = 'json') {
  const root = await mkdtemp(join(tmpdir(), 'scan-config-'));
  await writeFile(join(root, '.gitleaks.toml'), config);
  await writeFile(join(root, 'app.env'), 'INTERNAL_TOKEN=itk_9f8e7d6c5b4a39281706\n');
  const out = capture();
  const err = capture();
  const code = await runScanCommand([root], { format, config: join(root, '.gitleaks.toml') }, { out: out.stream, err: err.stream, env: {}, scan: scanWithProgress });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('donegate scan --config', () => {
  it("runs the config's rules besides the built-in ones, and reports the config and its warnings", async () => {
    const { code, stdout, stderr } = await scanWithConfig(`[extend]\nuseDefault = true\n[[rules]]\nid = "internal-token"\nregex = '''itk_[0-9a-f]{20}'''\nkeywords = ["itk_"]\n`);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: Array<{ detector: string; masked: string }>; customRules: unknown[]; warnings: string[] };
    expect(report.findings).toEqual([expect.objectContaining({ detector: 'custom:internal-token', masked: 'itk_****************1706' })]);
    expect(report.customRules).toEqual([expect.objectContaining({ rules: 1 })]);
    expect(report.warnings).toEqual([expect.stringContaining('[extend] is not supported')]);
    expect(stderr).toContain('donegate scan: warning: ');
    expect(stdout + stderr).not.toContain('itk_9f8e7d6c5b4a39281706');
  });

  it('exits 2 on a regex that is not RE2, naming the rule, before scanning', async () => {
    const { code, stdout, stderr } = await scanWithConfig(`[[rules]]\nid = "bad-one"\nregex = '''(?<=x)y'''\n`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/donegate scan: .*\.gitleaks\.toml: rule "bad-one": regex is not a valid RE2 \(Go\) regex/);
  });
});
