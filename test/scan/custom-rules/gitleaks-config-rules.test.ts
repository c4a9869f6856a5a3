import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { customRuleDetectors, CustomRulesError, parseGitleaksConfig } from '../../../src/scan/custom-rules/index.js';
import { createDefaultDetectors, FingerprintKey, rulesSha256, scanToReport } from '../../../src/scan/index.js';
import { applyCustomRules, formatJsonReport, formatSarifReport, formatTextReport } from '../../../src/scan-report/index.js';

const KEY = new FingerprintKey(Buffer.alloc(32, 9));
const TOKEN = 'acme_k3j4h5g6f7d8s9a0q1w2';

/** Scans `files` (path → text) with the config's rules only, as `donegate scan --config` reports them. */
async function scanWith(config: string, files: Record<string, string>) {
  const root = await mkdtemp(join(tmpdir(), 'gitleaks-rules-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), text);
  }
  const set = parseGitleaksConfig(config, '.gitleaks.toml');
  const report = await scanToReport([root], { detectors: customRuleDetectors([set]), fingerprintKey: KEY, nameAs: (file) => file.slice(root.length + 1) });
  return { set, report: applyCustomRules(report, [set]) };
}

const rule = (extra = '') => `
[[rules]]
id = "acme-token"
description = "ACME API token"
regex = '''(?i)acme[_-]?token\\s*[:=]\\s*["']?(acme_[a-z0-9]{20})'''
${extra}
`;

describe('custom rules from a gitleaks TOML config', () => {
  it('finds a rule match as a masked custom:<id> secret finding, the secretGroup being the value', async () => {
    const { report } = await scanWith(rule('secretGroup = 1'), { 'app.env': `ACME_TOKEN = "${TOKEN}"\n` });
    expect(report.findings).toEqual([expect.objectContaining({ file: 'app.env', line: 1, column: 15, detector: 'custom:acme-token', kind: 'secret', masked: 'acme****************q1w2' })]);
    for (const output of [formatTextReport(report), formatJsonReport(report), formatSarifReport(report)]) expect(output).not.toContain(TOKEN);
    expect(report.customRules).toEqual([{ source: '.gitleaks.toml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rules: 1 }]);
  });

  it('takes the first non-empty group as the secret when secretGroup is not set, as gitleaks does', async () => {
    const { report } = await scanWith(rule(), { 'app.env': `acme-token: ${TOKEN}\n` });
    expect(report.findings.map((f) => [f.column, f.endColumn])).toEqual([[13, 13 + TOKEN.length]]);
  });

  it('runs a rule only on lines holding one of its keywords, in any case', async () => {
    const config = `[[rules]]\nid = "bare"\nregex = '''acme_[a-z0-9]{20}'''\nkeywords = ["DEPLOY"]\n`;
    const { report } = await scanWith(config, { 'a.txt': `${TOKEN}\ndeploy ${TOKEN}\n` });
    expect(report.findings.map((f) => f.line)).toEqual([2]);
  });

  it('drops a match whose secret has no more entropy than the rule asks', async () => {
    const config = `[[rules]]\nid = "bare"\nregex = '''acme_[a-z0-9]{20}'''\nentropy = 3.5\n`;
    const { report } = await scanWith(config, { 'a.txt': `acme_aaaaaaaaaaaaaaaaaaaa\n${TOKEN}\n` });
    expect(report.findings.map((f) => f.line)).toEqual([2]);
  });

  it('applies a rule only to files its path matches', async () => {
    const { report } = await scanWith(rule(`path = '''\\.env$'''`), { 'app.env': `acme_token=${TOKEN}\n`, 'app.yaml': `acme_token=${TOKEN}\n` });
    expect(report.findings.map((f) => f.file)).toEqual(['app.env']);
  });

  it('honours a rule allowlist by stopword, by regex on the secret, the match or the line, and by path', async () => {
    const config = `${rule()}
[[rules.allowlists]]
stopwords = ["zzzz"]
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''#\\s*example''']
[[rules.allowlists]]
paths = ['''^fixtures/''']
`;
    const { report } = await scanWith(config, {
      'a.env': `acme_token=${TOKEN}\nacme_token=acme_zzzzk3j4h5g6f7d8s9a0\nacme_token=${TOKEN} # example\n`,
      'fixtures/b.env': `acme_token=${TOKEN}\n`,
    });
    expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['a.env:1']);
  });

  it('honours the older single [rules.allowlist] and needs every condition of an AND allowlist', async () => {
    const config = `${rule()}
[rules.allowlist]
condition = "AND"
regexes = ['''k3j4''']
stopwords = ["q1w2"]
`;
    const { report } = await scanWith(config, { 'a.env': `acme_token=${TOKEN}\nacme_token=acme_k3j4aaaaaaaaaaaaaaaa\n` });
    expect(report.findings.map((f) => f.line)).toEqual([2]);
  });

  it('applies the global [allowlist] to the config rules only, never to the built-in detectors', async () => {
    const config = `${rule()}\n[allowlist]\npaths = ['''.*''']\n`;
    const root = await mkdtemp(join(tmpdir(), 'gitleaks-global-'));
    await writeFile(join(root, 'a.env'), `acme_token=${TOKEN}\naws_key = AKIAQWERTYUIOPASDFGH\n`);
    const set = parseGitleaksConfig(config, '.gitleaks.toml');
    expect(set.warnings).toEqual([expect.stringContaining('matches everything')]);
    const report = applyCustomRules(await scanToReport([root], { detectors: [...createDefaultDetectors(), ...customRuleDetectors([set])], fingerprintKey: KEY }), [set]);
    expect(report.findings.map((f) => f.detector)).toEqual(['aws-access-key-id']);
  });

  it('reports what it does not act on instead of ignoring it: [extend], tags, commits, unknown keys, path-only rules', () => {
    const config = `title = "t"
[extend]
url = "https://example.com/gitleaks.toml"
[[rules]]
id = "tagged"
regex = '''x{3}'''
tags = ["key"]
severity = "high"
[[rules.allowlists]]
commits = ["0123abc"]
[[rules]]
id = "path-only"
path = '''\\.pem$'''
`;
    const { warnings, rules } = parseGitleaksConfig(config, '.gitleaks.toml');
    expect(rules.map((r) => r.id)).toEqual(['tagged']);
    expect(warnings).toEqual([
      expect.stringMatching(/\[extend\] is not supported/),
      expect.stringMatching(/rule "tagged": "tags" are not used/),
      expect.stringMatching(/rule "tagged": key "severity" is not supported/),
      expect.stringMatching(/rule "tagged" allowlist 1: "commits" is ignored/),
      expect.stringMatching(/rule "path-only": a rule without a regex \(path only\) is not supported/),
    ]);
  });

  it.each([
    ['a lookahead (not RE2)', `[[rules]]\nid = "look"\nregex = '''a(?=b)'''\n`, /rule "look": regex is not a valid RE2 \(Go\) regex/],
    ['an unclosed group', `[[rules]]\nid = "open"\nregex = '''(a'''\n`, /rule "open": regex is not a valid RE2/],
    ['a secretGroup the regex lacks', `[[rules]]\nid = "grp"\nregex = '''(a)'''\nsecretGroup = 2\n`, /rule "grp": secretGroup 2 names a group the regex does not have/],
    ['a bad allowlist regex', `[[rules]]\nid = "al"\nregex = '''a'''\n[[rules.allowlists]]\nregexes = ['''(?<!x)y''']\n`, /rule "al" allowlist 1: regex .* is not a valid RE2 regex/],
    ['a duplicate id', `[[rules]]\nid = "d"\nregex = '''a'''\n[[rules]]\nid = "d"\nregex = '''b'''\n`, /rule id "d" is used twice/],
    ['a regex past the length bound', `[[rules]]\nid = "long"\nregex = '''${'a'.repeat(2001)}'''\n`, /rule 1 "long": regex: a regex may have at most 2000 characters/],
    ['a program past the size bound', `[[rules]]\nid = "big"\nregex = '''[a-z]{1000}[0-9]{1000}[A-Z]{1000}[a-f]{1000}[g-k]{1000}[l-p]{1000}[q-u]{1000}[v-z]{1000}[0-4]{1000}[5-9]{1000}[a-z]{1000}'''\n`, /rule "big": regex is not a valid RE2 \(Go\) regex: it compiles to \d+ RE2 instructions/],
    ['not TOML', `[[rules]\nid = 1`, /\.gitleaks\.toml: not valid TOML/],
  ])('refuses %s with an error naming the rule', (_, config, message) => {
    expect(() => parseGitleaksConfig(config, '.gitleaks.toml')).toThrow(CustomRulesError);
    expect(() => parseGitleaksConfig(config, '.gitleaks.toml')).toThrow(message);
  });

  it('counts the custom rules in the rules hash, which changes when a rule changes', () => {
    const hash = (config: string) => rulesSha256([...createDefaultDetectors(), ...customRuleDetectors([parseGitleaksConfig(config, 'c.toml')])]);
    expect(hash(rule())).not.toBe(rulesSha256(createDefaultDetectors()));
    expect(hash(rule('entropy = 3'))).not.toBe(hash(rule()));
    expect(hash(rule())).toBe(hash(rule()));
  });

  it('runs a catastrophic-backtracking regex in time linear in the line length', () => {
    const [detector] = customRuleDetectors([parseGitleaksConfig(`[[rules]]\nid = "redos"\nregex = '''(a+)+$'''\n`, 'c.toml')]);
    const cpuMs = (length: number) => {
      const text = `${'a'.repeat(length)}!`;
      const start = process.cpuUsage();
      detector!.pattern.lastIndex = 0;
      expect(detector!.pattern.exec(text)).toBeNull();
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    cpuMs(20_000);
    const small = Math.max(cpuMs(20_000), 1);
    // A backtracking engine takes exponential time here; RE2 about 8 times as long for 8 times the text.
    expect(cpuMs(160_000)).toBeLessThan(small * 8 * 4);
  });
});
