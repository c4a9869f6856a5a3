import {
  InvalidReportError,
  UnrecognisedReportError,
  detectReportFormat,
  parseEvidenceReport,
  type ReportFormat,
} from '../../../src/evidence/reports/index.js';
import { corpusFile, fixture, reportOf, itWithCorpus } from './support.js';

function refusal(input: Buffer | string, format?: ReportFormat): Error {
  try {
    parseEvidenceReport(input, format ? { format } : {});
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a refusal');
}

describe('detectReportFormat', () => {
  itWithCorpus.each([
    ['npm-audit-report/one-vuln.json', 'npm-audit'],
    ['trivy-sarif/alpine-310.sarif.golden', 'sarif'],
    ['grype-sarif/TestSarifPresenter_image.golden', 'sarif'],
    ['osv-scanner/internal_output__machinejson_test__TestPrintJSONResults_WithVulnerabilities_one_source_with_one_package_and_one_vulnerability-1.json', 'osv-scanner'],
    ['cyclonedx-vex-bom-examples/CISA-Case-1/vex-fixed.json', 'cyclonedx-vex'],
  ])('recognises %s as %s from its content', (path, format) => {
    expect(detectReportFormat(corpusFile(path))).toBe(format);
  });

  it.each([
    ['grype-image.json', 'grype'],
    ['trivy-image.json', 'trivy'],
    ['trivy-results-null.json', 'trivy'],
    ['pip-audit.json', 'pip-audit'],
    ['pip-audit-legacy.json', 'pip-audit'],
    ['openvex.json', 'openvex'],
    ['sarif-suppressed.sarif', 'sarif'],
  ])('recognises fixture %s as %s whatever the file is called', (name, format) => {
    expect(detectReportFormat(fixture(name))).toBe(format);
  });

  it('answers undefined for content that is no report', () => {
    expect(detectReportFormat('')).toBeUndefined();
    expect(detectReportFormat('{"hello":"world"}')).toBeUndefined();
    expect(detectReportFormat('not json')).toBeUndefined();
  });
});

describe('parseEvidenceReport on odd input', () => {
  it.each([
    ['a 0-byte file', Buffer.alloc(0), /empty \(0 bytes\)/],
    ['whitespace only', ' \n\t  \r\n', /only whitespace/],
    ['JSON null', 'null', /JSON is null/],
    ['an empty array', '[]', /empty array/],
    ['an empty object', '{}', /empty object/],
    ['invalid JSON', '{"runs": [', /not valid JSON/],
    ['XML', '<?xml version="1.0"?><bom/>', /looks like XML/],
    ['a bare number', '42', /bare number/],
    ['an object of unknown shape', '{"foo": 1, "bar": 2}', /"foo", "bar"/],
  ])('refuses %s as unrecognised, naming every accepted format', (_name, input, reason) => {
    const error = refusal(input);
    expect(error).toBeInstanceOf(UnrecognisedReportError);
    expect(error.name).toBe('UnrecognisedReportError');
    expect(error.message).toMatch(reason);
    for (const label of ['npm audit', 'OSV-Scanner', 'SARIF 2.1.0', 'Grype JSON', 'Trivy JSON', 'pip-audit', 'CycloneDX VEX', 'OpenVEX']) {
      expect(error.message).toContain(label);
    }
  });

  itWithCorpus('reads a report that starts with a UTF-8 byte-order mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), corpusFile('npm-audit-report/one-vuln.json')]);
    expect(reportOf(withBom).counts.low).toBe(1);
    expect(reportOf(`\uFEFF${corpusFile('npm-audit-report/one-vuln.json').toString('utf8')}`).counts.low).toBe(1);
  });

  itWithCorpus('reads a UTF-16LE report with a BOM, as PowerShell redirection writes it', () => {
    const text = corpusFile('npm-audit-report/one-vuln.json').toString('utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(reportOf(utf16).format).toBe('npm-audit');
  });

  it('refuses SARIF without runs as invalid, because SARIF 2.1.0 requires runs', () => {
    const error = refusal('{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json"}');
    expect(error).toBeInstanceOf(InvalidReportError);
    expect(error.name).toBe('InvalidReportError');
    expect(error.message).toMatch(/no "runs" array/);
  });

  it('reads SARIF with runs: [] as a valid report with zero findings', () => {
    const report = reportOf('{"version":"2.1.0","runs":[]}');
    expect(report.findings).toEqual([]);
    expect(report.highest).toBe('none');
  });

  it('says where a recognised report is malformed', () => {
    const error = refusal(JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r' }, 7] }] }));
    expect(error).toBeInstanceOf(InvalidReportError);
    expect(error.message).toContain('runs[0].results[1]');
  });

  it('refuses a failed npm audit with the reason', () => {
    expect(refusal('{"error":{"code":"ENOLOCK","summary":"This command requires an existing lockfile.","detail":"Try creating one first"}}').message).toMatch(
      /failed with ENOLOCK: This command requires an existing lockfile/,
    );
  });

  it('refuses a Trivy report of another schema version', () => {
    expect(refusal('{"SchemaVersion":3,"Results":[]}').message).toMatch(/SchemaVersion 3 is not supported/);
  });

  it('reads with the format the caller names, and calls a mismatch invalid rather than unrecognised', () => {
    expect(reportOf('[]', 'pip-audit').findings).toEqual([]);
    const error = refusal('{"matches": "nope"}', 'grype');
    expect(error).toBeInstanceOf(InvalidReportError);
    expect(error.message).toContain('matches');
    expect(refusal('', 'trivy')).toBeInstanceOf(InvalidReportError);
  });

  it('never throws a raw TypeError on odd shapes inside a recognised format', () => {
    const odd = [
      '{"auditReportVersion":2,"vulnerabilities":null}',
      '{"auditReportVersion":2,"vulnerabilities":{"x":{"name":"x","severity":"high","via":[null]}}}',
      '{"runs":[null]}',
      '{"runs":[{"tool":{},"results":[]}]}',
      '{"SchemaVersion":2,"Results":[{"Vulnerabilities":[{"VulnerabilityID":5}]}]}',
      '{"matches":[{}],"descriptor":{}}',
      '{"results":[{"source":{},"packages":[{"package":null}]}],"experimental_config":{}}',
      '{"dependencies":[{"name":"a","vulns":"none"}],"fixes":[]}',
      '{"bomFormat":"CycloneDX","vulnerabilities":[{"id":"CVE-1","analysis":{"state":"maybe"}}]}',
      '{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{},"status":"fine"}]}',
    ];
    for (const input of odd) {
      const error = refusal(input);
      expect(error).toBeInstanceOf(InvalidReportError);
    }
  });

  it('parses a huge valid report in linear time', () => {
    const results = Array.from({ length: 60_000 }, (_, i) => ({ ruleId: `CVE-2024-${10000 + (i % 500)}`, level: 'error', message: { text: `Package: pkg${i}\nInstalled Version: 1.0.${i}` } }));
    const rules = Array.from({ length: 500 }, (_, i) => ({ id: `CVE-2024-${10000 + i}`, properties: { 'security-severity': '7.5' } }));
    const npmVulnerabilities = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, i) => [`p${i}`, { name: `p${i}`, severity: 'low', via: i === 0 ? [{ source: 1, title: 't', url: 'u', severity: 'low' }] : [`p${i - 1}`] }]),
    );
    const started = performance.now();
    const sarif = reportOf({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Trivy', rules } }, results }] });
    const npm = reportOf({ auditReportVersion: 2, vulnerabilities: npmVulnerabilities });
    const elapsed = performance.now() - started;
    expect(sarif.counts.high).toBe(60_000);
    expect(npm.counts.low).toBe(20_000);
    expect(npm.findings[19_999]?.id).toBe('npm-advisory-1');
    expect(elapsed).toBeLessThan(10_000);
  });
});
