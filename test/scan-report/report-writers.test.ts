import { formatJsonReport, formatSarifReport, formatScanReport, formatTextReport, SARIF_SCHEMA, SCAN_OUTPUT_FORMATS } from '../../src/scan-report/index.js';
import { FIXTURE_FINDINGS, RAW_VALUES, scanReport } from './scan-report-fixture.js';

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; defaultConfiguration: { level: string } }> } };
    columnKind: string;
    artifacts: Array<{ location: { uri: string }; length: number; hashes: Record<string, string> }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }>;
      partialFingerprints: Record<string, string>;
    }>;
  }>;
}

describe('report writers', () => {
  const report = scanReport();

  it.each(SCAN_OUTPUT_FORMATS)('%s output contains none of the raw values behind the findings', (format) => {
    const text = formatScanReport(report, format);
    for (const raw of RAW_VALUES) expect(text).not.toContain(raw);
    expect(text).toContain('j***@e***.com');
  });

  it('JSON is the report: findings with position, detector, masked value, confidence and fingerprint; files with sha256 and size', () => {
    const parsed = JSON.parse(formatJsonReport(report)) as typeof report;
    expect(parsed).toEqual(report);
    expect(parsed.findings[0]).toEqual({ file: 'data/users.csv', line: 3, column: 12, endColumn: 32, detector: 'email', kind: 'pii', masked: 'j***@e***.com', confidence: 'high', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(parsed.summary).toEqual({ byDetector: { email: 1, 'payment-card': 1, iban: 1, 'aws-access-key-id': 1 }, pii: 3, secrets: 1, files: 2, bytes: 6144 });
    expect(parsed.tool).toEqual({ name: 'donegate-scan', version: '0.1.0', rulesSha256: 'c'.repeat(64) });
  });

  it('JSON drops fields outside the contract, so a stray raw value in them is never printed', () => {
    const leaky = { ...report, findings: [{ ...FIXTURE_FINDINGS[0]!, raw: 'jane.doe@example.com' }] };
    expect(formatJsonReport(leaky)).not.toContain('jane.doe@example.com');
  });

  describe('SARIF', () => {
    const sarif = JSON.parse(formatSarifReport(report)) as SarifLog;
    const run = sarif.runs[0]!;

    it('is a SARIF 2.1.0 log with one run, a rule per detector and columns counted in code points', () => {
      expect(sarif.$schema).toBe(SARIF_SCHEMA);
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs).toHaveLength(1);
      expect(run.columnKind).toBe('unicodeCodePoints');
      expect(run.tool.driver).toMatchObject({ name: 'donegate-scan', version: '0.1.0' });
      expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['aws-access-key-id', 'email', 'iban', 'payment-card']);
      expect(run.artifacts[0]).toEqual({ location: { uri: 'data/users.csv' }, length: 2048, hashes: { 'sha-256': 'a'.repeat(64) } });
    });

    it('gives each result its rule, region, our fingerprint and only the masked value', () => {
      expect(run.results).toHaveLength(FIXTURE_FINDINGS.length);
      for (const [i, result] of run.results.entries()) {
        const finding = FIXTURE_FINDINGS[i]!;
        expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
        expect(result.ruleId).toBe(finding.detector);
        expect(result.locations[0]!.physicalLocation.region).toEqual({ startLine: finding.line, startColumn: finding.column, endColumn: finding.endColumn });
        expect(result.partialFingerprints).toEqual({ 'donegate/v2': finding.fingerprint });
        expect(result.message.text).toContain(finding.masked);
      }
    });

    it('is an error for secrets and high-confidence PII, a warning otherwise', () => {
      expect(run.results.map((r) => `${r.ruleId}:${r.level}`)).toEqual(['email:error', 'payment-card:error', 'iban:warning', 'aws-access-key-id:error']);
    });

    it('percent-encodes relative paths and turns absolute ones into file URLs', () => {
      const odd = JSON.parse(formatSarifReport(scanReport([], [{ file: 'data/my file#1.csv', sha256: 'a'.repeat(64), size: 1 }, { file: '/srv/data/x.csv', sha256: 'b'.repeat(64), size: 1 }]))) as SarifLog;
      expect(odd.runs[0]!.artifacts.map((a) => a.location.uri)).toEqual(['data/my%20file%231.csv', 'file:///srv/data/x.csv']);
    });
  });

  it('text is a table of findings and a summary', () => {
    const text = formatTextReport({ ...report, baselined: 2 });
    expect(text).toMatch(/^LOCATION\s+DETECTOR\s+CONFIDENCE\s+VALUE \(MASKED\)$/m);
    expect(text).toMatch(/^data\/users\.csv:3:12\s+email\s+high\s+j\*\*\*@e\*\*\*\.com$/m);
    expect(text).toContain('notebooks/train.ipynb:2:9 (cell 3 source)');
    expect(text).toContain('4 findings (3 PII, 1 secret)');
    expect(text).toContain('2 accepted by the baseline');
    expect(text).toContain('2 files, 6.0 KiB scanned by donegate-scan 0.1.0');
  });

  it('text says so when nothing was found', () => {
    expect(formatTextReport(scanReport([]))).toMatch(/^0 findings \(0 PII, 0 secrets\)\n2 files/);
  });
});
