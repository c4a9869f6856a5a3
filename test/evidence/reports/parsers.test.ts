import { corpusFile, fixture, itWithCorpus, reportOf } from './support.js';

describe('npm audit report version 1 (npm 6, pnpm audit --json)', () => {
  it('reads a pnpm report: one finding per advisory, GHSA id with the CVE as alias, version and first fixed version', () => {
    const report = reportOf(fixture('pnpm-audit.json'));
    expect(report.format).toBe('npm-audit');
    expect(report.counts).toEqual({ critical: 1, high: 1, moderate: 0, low: 0, info: 0, unknown: 0 });
    expect(report.findings.find((f) => f.package?.name === 'lodash')).toEqual({
      id: 'GHSA-35jh-r3h4-6jhm',
      aliases: ['CVE-2021-23337'],
      package: { name: 'lodash', ecosystem: 'npm', version: '4.17.20' },
      severity: 'high',
      source: 'npm-audit',
      title: 'Command Injection in lodash',
      url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
      fixedVersion: '4.17.21',
    });
  });

  it('reads an npm 6 report, naming an advisory without a GHSA by its npm id and leaving a compound fix range unread', () => {
    const report = reportOf(fixture('npm6-audit.json'));
    expect(report.highest).toBe('low');
    const [finding, ...rest] = report.findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ id: 'npm-advisory-1179', aliases: [], package: { name: 'minimist', version: '0.0.8' }, severity: 'low' });
    expect(finding).not.toHaveProperty('fixedVersion');
  });

  it('reads yarn audit --json (Yarn 1, JSON Lines), counting an advisory once however many paths lead to it', () => {
    const report = reportOf(fixture('yarn-classic-audit.jsonl'));
    expect(report.tool.name).toBe('yarn audit');
    expect(report.counts).toMatchObject({ critical: 1, high: 1 });
    expect(report.findings.map((f) => [f.id, f.package?.name, f.package?.version, f.fixedVersion])).toEqual([
      ['GHSA-35jh-r3h4-6jhm', 'lodash', '4.17.20', '4.17.21'],
      ['GHSA-xvch-5gv4-984h', 'minimist', '1.2.5', '1.2.6'],
    ]);
  });

  it('reads a clean yarn audit --json, which is its summary line alone', () => {
    const report = reportOf('{"type":"auditSummary","data":{"vulnerabilities":{"info":0,"low":0,"moderate":0,"high":0,"critical":0},"dependencies":3}}\n');
    expect(report.findings).toEqual([]);
    expect(report.highest).toBe('none');
  });

  it('reads yarn npm audit --json (Yarn 2+, JSON Lines of the audit tree)', () => {
    const report = reportOf(fixture('yarn-berry-audit.jsonl'));
    expect(report.tool.name).toBe('yarn npm audit');
    expect(report.findings).toEqual([
      expect.objectContaining({ id: 'GHSA-35jh-r3h4-6jhm', severity: 'high', package: { name: 'lodash', ecosystem: 'npm', version: '4.17.20' }, title: 'Command Injection in lodash' }),
      expect.objectContaining({ id: 'GHSA-xvch-5gv4-984h', severity: 'critical', package: { name: 'minimist', ecosystem: 'npm', version: '1.2.5' } }),
    ]);
  });

  it('still refuses text that is neither JSON nor JSON Lines, naming the JSON error', () => {
    expect(() => reportOf('{"type":"auditSummary"}\nnot json\n')).toThrow(/not valid JSON/);
  });

  it('reads an empty pnpm report as clean', () => {
    const report = reportOf('{"metadata":{"vulnerabilities":{"info":0,"low":0,"moderate":0,"high":0,"critical":0}},"advisories":{},"actions":[],"muted":[]}');
    expect(report.findings).toEqual([]);
    expect(report.highest).toBe('none');
  });
});

describe('Snyk CLI JSON', () => {
  it('counts each issue once per package and version, whatever the paths, and leaves license issues out', () => {
    const report = reportOf(fixture('snyk-test.json'));
    expect(report.format).toBe('snyk');
    expect(report.counts).toEqual({ critical: 0, high: 1, moderate: 1, low: 0, info: 0, unknown: 0 });
    expect(report.findings.find((f) => f.package?.name === 'lodash')).toEqual({
      id: 'SNYK-JS-LODASH-1040724',
      aliases: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'],
      package: { name: 'lodash', version: '4.17.20', ecosystem: 'npm' },
      severity: 'high',
      url: 'https://security.snyk.io/vuln/SNYK-JS-LODASH-1040724',
      source: 'snyk',
      title: 'Command Injection',
      fixedVersion: '4.17.21',
    });
    expect(report.notes).toContain('1 license issue(s) left out: they are not vulnerabilities');
  });

  it('keeps issues ignored by the Snyk policy as suppressed, so they count for nothing but stay visible', () => {
    const report = reportOf(fixture('snyk-test.json'));
    expect(report.suppressedCount).toBe(1);
    expect(report.findings.find((f) => f.package?.name === 'ansi-regex')?.suppressed).toEqual({ by: 'report', justification: 'ignored by the Snyk policy (.snyk)' });
  });

  it('reads --all-projects output, an array of projects', () => {
    const project = JSON.parse(fixture('snyk-test.json').toString()) as Record<string, unknown>;
    const report = reportOf([project, { ...project, projectName: 'api', packageManager: 'pip', vulnerabilities: [] }]);
    expect(report.format).toBe('snyk');
    expect(report.counts.high).toBe(1);
  });

  it('refuses a failed snyk test with its error', () => {
    expect(() => reportOf({ ok: false, error: 'Could not detect supported target files in /builds/acme', path: '/builds/acme' })).toThrow(
      /snyk test did not produce a report but failed: Could not detect supported target files/,
    );
  });
});

describe('npm audit report version 2', () => {
  itWithCorpus('counts each vulnerable package once at npm\'s own severity, like metadata.vulnerabilities', () => {
    const report = reportOf(corpusFile('npm-audit-report/dep-vuln-with-own-vuln.json'));
    expect(report.counts).toEqual({ critical: 0, high: 1, moderate: 0, low: 1, info: 0, unknown: 0 });
    expect(report.highest).toBe('high');
    expect(report.tool.name).toBe('npm audit');
  });

  itWithCorpus('takes ids and urls from the advisories in via, most severe first, the rest as aliases', () => {
    const report = reportOf(corpusFile('npm-audit-report/all-severity-levels.json'));
    const handlebars = report.findings.find((finding) => finding.package?.name === 'handlebars');
    expect(handlebars).toMatchObject({ id: 'npm-advisory-755', severity: 'critical', url: 'https://npmjs.com/advisories/755', title: expect.any(String) });
    expect(handlebars?.aliases).toEqual(expect.arrayContaining(['npm-advisory-1164', 'npm-advisory-1300']));
  });

  itWithCorpus('follows via chains to the root advisory for packages vulnerable only through a dependency', () => {
    const report = reportOf(corpusFile('npm-audit-report/gatsby.json'));
    const gatsby = report.findings.find((finding) => finding.package?.name === 'gatsby');
    expect(gatsby?.title).toBe('vulnerable through @gatsbyjs/relay-compiler, gatsby-cli');
    expect([gatsby?.id, ...(gatsby?.aliases ?? [])].sort()).toEqual(['npm-advisory-1084', 'npm-advisory-1500']);
  });

  it('uses the GHSA id from current npm advisories and the fix version when the fix is for the same package', () => {
    const report = reportOf({
      auditReportVersion: 2,
      vulnerabilities: {
        lodash: {
          name: 'lodash',
          severity: 'high',
          isDirect: true,
          via: [{ source: 1094500, name: 'lodash', dependency: 'lodash', title: 'Command Injection in lodash', url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm', severity: 'high', cwe: ['CWE-77'], cvss: { score: 7.2 }, range: '<4.17.21' }],
          effects: [],
          range: '<=4.17.20',
          nodes: ['node_modules/lodash'],
          fixAvailable: { name: 'lodash', version: '4.17.21', isSemVerMajor: false },
        },
      },
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 1, critical: 0, total: 1 } },
    });
    expect(report.findings[0]).toMatchObject({ id: 'GHSA-35jh-r3h4-6jhm', fixedVersion: '4.17.21', package: { name: 'lodash', ecosystem: 'npm' } });
  });

  itWithCorpus('has no suppression field, so none of its findings arrive suppressed', () => {
    expect(reportOf(corpusFile('npm-audit-report/nyc-mkdirp.json')).suppressedCount).toBe(0);
  });
});

describe('OSV-Scanner JSON', () => {
  const base = (vulnerabilities: object[], groups: object[]) => ({
    results: [{ source: { path: '/app/package-lock.json', type: 'lockfile' }, packages: [{ package: { name: 'lodash', version: '4.17.20', ecosystem: 'npm' }, vulnerabilities, groups }] }],
    experimental_config: {},
  });

  it('reads database_specific.severity first', () => {
    const report = reportOf(base([{ id: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'], database_specific: { severity: 'HIGH' }, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' }] }], [{ ids: ['GHSA-35jh-r3h4-6jhm'], aliases: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'], max_severity: '5.3' }]));
    expect(report.findings[0]).toMatchObject({ id: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'], severity: 'high', package: { name: 'lodash', version: '4.17.20', ecosystem: 'npm' } });
  });

  it('bands the group\'s max_severity, then computes CVSS v3 vectors when nothing else is given', () => {
    expect(reportOf(base([{ id: 'OSV-1' }], [{ ids: ['OSV-1'], max_severity: '9.1' }])).findings[0]?.severity).toBe('critical');
    const vector = reportOf(base([{ id: 'OSV-1', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }] }], [{ ids: ['OSV-1'], max_severity: '' }]));
    expect(vector.findings[0]?.severity).toBe('high');
    expect(reportOf(base([{ id: 'OSV-1' }], [{ ids: ['OSV-1'], max_severity: '' }])).findings[0]?.severity).toBe('unknown');
  });

  it('dedups aliases by group and takes the fixed version from affected ranges', () => {
    const report = reportOf(base(
      [
        { id: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'], affected: [{ package: { name: 'lodash', ecosystem: 'npm' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }] },
        { id: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm'] },
      ],
      [{ ids: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'], aliases: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'], max_severity: '7.2' }],
    ));
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ fixedVersion: '4.17.21', url: 'https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm' });
  });

  itWithCorpus('suppresses uncalled vulnerabilities as osv-scanner does, keeping them visible', () => {
    const report = reportOf(corpusFile('osv-scanner/internal_output__machinejson_test__TestPrintJSONResults_WithVulnerabilities_one_source_with_one_package__one_uncalled_vulnerability__and_one_called_vu.json'));
    expect(report.findings.map((finding) => [finding.id, finding.suppressed?.by])).toEqual([['OSV-1', undefined], ['GHSA-123', 'report']]);
  });

  itWithCorpus('counts one finding when two lockfiles hold the same vulnerable package version', () => {
    const report = reportOf(corpusFile('osv-scanner/internal_output__machinejson_test__TestPrintJSONResults_WithVulnerabilities_two_sources_with_the_same_vulnerable_package-1.json'));
    expect(report.findings).toHaveLength(1);
  });
});

describe('SARIF 2.1.0', () => {
  itWithCorpus('prefers security-severity, reads Trivy\'s severity tag over its level, and falls back to level', () => {
    const trivy = reportOf(corpusFile('trivy-sarif/alpine-310.sarif.golden'));
    expect(trivy.counts).toMatchObject({ moderate: 6, low: 2 });
    expect(trivy.findings[0]).toMatchObject({ id: 'CVE-2019-1549', package: { name: 'libcrypto1.1', version: '1.1.1c-r0' }, fixedVersion: '1.1.1d-r0' });
    const grype = reportOf(corpusFile('grype-sarif/TestSarifPresenter_image.golden'));
    // Grype rule ids append the package; the advisory id is split out so VEX can match it.
    expect(grype.findings.map((finding) => [finding.id, finding.aliases[0], finding.severity])).toEqual([
      ['CVE-1999-0001', 'CVE-1999-0001-package-1', 'moderate'],
      ['CVE-1999-0002', 'CVE-1999-0002-package-2', 'low'],
    ]);
  });

  it('marks results with accepted suppressions as suppressed, keeps those under review, and ignores absent baseline results', () => {
    const report = reportOf(fixture('sarif-suppressed.sarif'));
    expect(report.findings).toHaveLength(5);
    expect(report.suppressedCount).toBe(1);
    expect(report.findings[1]?.suppressed).toEqual({ by: 'report', justification: 'input is validated by the schema' });
    expect(report.findings[2]?.suppressed).toBeUndefined();
    expect(report.counts).toMatchObject({ high: 3, low: 1 });
    expect(report.notes.join('\n')).toMatch(/1 result\(s\) with baselineState "absent" ignored/);
    expect(report.tool.name).toBe('CodeQL + Semgrep OSS');
  });

  it('reads the result level over the rule default when there is no score', () => {
    const report = reportOf(fixture('sarif-suppressed.sarif'));
    expect(report.findings[4]).toMatchObject({ id: 'python.lang.security.audit.eval-detected', severity: 'high' });
  });

  itWithCorpus('reads OSV-Scanner SARIF package names from the result message', () => {
    const report = reportOf(corpusFile('osv-scanner/cmd_scan_source__command_test__TestCommand_Sarif_with_vulns-1.sarif'));
    expect(report.findings[0]).toMatchObject({ id: 'CVE-2021-23424', severity: 'high', package: { name: 'ansi-html', version: '0.0.1' } });
  });
});

describe('Grype JSON', () => {
  const report = reportOf(fixture('grype-image.json'));

  it('maps Grype severities, with Negligible as info', () => {
    expect(report.findings.map((finding) => finding.severity)).toEqual(['critical', 'info', 'high', 'moderate']);
  });

  it('reads package, fix, aliases, and ignored matches as suppressed by the report', () => {
    expect(report.findings[0]).toMatchObject({ id: 'GHSA-jf85-cpcp-j695', aliases: ['CVE-2019-10744'], package: { name: 'lodash', version: '4.17.11', ecosystem: 'npm' }, fixedVersion: '4.17.12' });
    expect(report.findings[1]?.fixedVersion).toBeUndefined();
    expect(report.findings[3]?.suppressed).toEqual({ by: 'report', justification: 'grype ignore rule: busybox shell is not reachable in this image' });
    expect(report).toMatchObject({ suppressedCount: 1, highest: 'critical', tool: { name: 'grype', version: '0.74.0' }, generatedAt: '2024-01-15T10:00:00.000000000Z' });
  });
});

describe('Trivy JSON', () => {
  it('maps Trivy severities and reads package, fix, vendor ids and creation time', () => {
    const report = reportOf(fixture('trivy-image.json'));
    expect(report.counts).toEqual({ critical: 1, high: 1, moderate: 1, low: 1, info: 0, unknown: 1 });
    expect(report.findings.find((finding) => finding.id === 'CVE-2021-23337')).toMatchObject({ aliases: ['GHSA-35jh-r3h4-6jhm'], package: { name: 'lodash', version: '4.17.20', ecosystem: 'npm' }, fixedVersion: '4.17.21' });
    expect(report.generatedAt).toBe('2024-05-02T09:12:44.123456789Z');
    expect(report.notes.join('\n')).toMatch(/1 misconfiguration/);
  });

  it('reads findings Trivy suppressed (--show-suppressed) as suppressed by the report, with the reason', () => {
    const report = reportOf(fixture('trivy-image.json'));
    expect(report.suppressedCount).toBe(2);
    expect(report.findings.find((finding) => finding.id === 'CVE-2022-0235')?.suppressed).toEqual({ by: 'report', justification: 'not_affected: vulnerable_code_not_in_execute_path (vex.openvex.json)' });
  });

  it('reads Results: null as a clean scan and says so', () => {
    const report = reportOf(fixture('trivy-results-null.json'));
    expect(report).toMatchObject({ findings: [], highest: 'none', suppressedCount: 0 });
    expect(report.notes[0]).toMatch(/no Results/);
    expect(reportOf({ SchemaVersion: 2, ArtifactName: 'x' }).findings).toEqual([]);
  });
});

describe('pip-audit JSON', () => {
  it('reads the dependencies shape with unknown severity, aliases, fix versions and skipped packages as notes', () => {
    const report = reportOf(fixture('pip-audit.json'));
    expect(report.counts.unknown).toBe(2);
    expect(report.highest).toBe('unknown');
    expect(report.findings[0]).toMatchObject({ id: 'PYSEC-2019-179', aliases: ['CVE-2019-1010083', 'GHSA-5wv5-4vpf-pj6m'], package: { name: 'flask', version: '0.5', ecosystem: 'PyPI' }, fixedVersion: '1.0' });
    expect(report.notes).toContain('pip-audit skipped my-private-package: Dependency not found on PyPI and could not be audited: my-private-package (1.0.0)');
  });

  it('reads the older top-level array shape', () => {
    const report = reportOf(fixture('pip-audit-legacy.json'));
    expect(report.findings.map((finding) => [finding.id, finding.fixedVersion])).toEqual([['PYSEC-2021-98', '2.2.24']]);
  });
});
