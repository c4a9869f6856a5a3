import type { CriterionContext } from '../../src/criteria/criterion.js';
import { piiScan } from '../../src/criteria/pii-scan.js';
import { secretScan } from '../../src/criteria/secret-scan.js';
import type { EvidenceRecord } from '../../src/evidence/evidence-record.js';
import type { CriterionResult } from '../../src/domain/index.js';
import { UnrecognisedReportError } from '../../src/evidence/reports/index.js';
import { formatJsonReport } from '../../src/scan-report/index.js';
import { FIXTURE_FINDINGS, scanReport } from '../scan-report/scan-report-fixture.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ticket = { tracker: 'linear' as const, id: '1', key: 'AI-1', title: 't', status: { id: 'd', name: 'Done', category: 'completed', isDone: true }, project: 'AI', labels: [] };
const SECRET = 'ghp_R4wS3cr3tV4lu3ThatMustNeverBeStored12';
const MATCH = `token = "${SECRET}"`;

const gitleaksJson = JSON.stringify([
  { Description: 'GitHub Personal Access Token', StartLine: 12, EndLine: 12, StartColumn: 9, EndColumn: 49, Match: MATCH, Secret: SECRET, File: 'src/train.py', Commit: 'abc', Entropy: 4.8, RuleID: 'github-pat', Fingerprint: 'abc:src/train.py:github-pat:12' },
]);
const gitleaksSarif = JSON.stringify({
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  version: '2.1.0',
  runs: [{ tool: { driver: { name: 'gitleaks', semanticVersion: 'v8.18.0', rules: [] } }, results: [
    { message: { text: 'github-pat has detected secret for file src/train.py.' }, ruleId: 'github-pat', locations: [{ physicalLocation: { artifactLocation: { uri: 'src/train.py' }, region: { startLine: 12, startColumn: 9, endLine: 12, endColumn: 49, snippet: { text: SECRET } } } }], partialFingerprints: { commitSha: 'abc' } },
  ] }],
});

function record(bytes: string): EvidenceRecord {
  const parsed = secretScan.parseEvidence!(Buffer.from(bytes));
  return { id: 'e', tracker: 'linear', ticketKey: 'AI-1', criterion: 'secret-scan', outcome: parsed.outcome, summary: { ...parsed.summary, format: parsed.format }, sha256: 'f'.repeat(64), source: 'test', submitter: 'ci', createdAt: NOW };
}
const evaluate = (evidence: EvidenceRecord[], advisories: string[] = []) => {
  const context: CriterionContext = { ticket, evidence, now: NOW, waivers: advisories.length ? [{ id: 'w', tracker: 'linear', ticketKey: 'AI-1', criterion: 'secret-scan', advisories, reason: 'rotated', approver: 'dana', approvedVia: 'api', expiresAt: new Date('2026-04-01'), createdAt: NOW }] : [] };
  return secretScan.evaluate(context, secretScan.optionsSchema.parse({})) as CriterionResult; // synchronous
};

describe('secret-scan', () => {
  it.each([
    ['gitleaks JSON', gitleaksJson, 'gitleaks-json'],
    ['gitleaks SARIF', gitleaksSarif, 'gitleaks-sarif'],
  ])('reads %s, masking the secret and storing neither Secret nor Match', (_what, bytes, format) => {
    const parsed = secretScan.parseEvidence!(Buffer.from(bytes));
    expect(parsed).toMatchObject({ outcome: 'fail', format, summary: { kind: 'scan-report', text: 'gitleaks: 1 secret' } });
    const stored = JSON.stringify(parsed.summary);
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain('R4wS3cr3t');
    expect(stored).not.toMatch(/"(Secret|Match|snippet)"/);
    expect(parsed.summary.details).toEqual([expect.stringMatching(/^src\/train\.py:12 github-pat ghp_\*{16}ed12 \(fingerprint [0-9a-f]{12}\)$/)]);
  });

  it('passes an empty gitleaks report', () => {
    expect(evaluate([record('[]')])).toMatchObject({ status: 'pass', reason: 'gitleaks: no open secrets' });
  });

  it('judges the secrets of a donegate scan report and lets a fingerprint waiver through', () => {
    const report = record(formatJsonReport(scanReport()));
    expect(report.summary.text).toBe('donegate-scan 0.1.0: 1 secret in 2 files (3 PII findings left to pii-scan)');
    expect(evaluate([report])).toMatchObject({ status: 'fail', reason: 'donegate-scan 0.1.0: 1 secret not waived', details: [expect.stringContaining('notebooks/train.ipynb:2 aws-access-key-id AKIA************MPLE')] });
    expect(evaluate([report], [FIXTURE_FINDINGS[3]!.fingerprint]).status).toBe('pass');
  });

  describe('TruffleHog JSON Lines', () => {
    const AWS_ID = 'AKIAQYLPMN5HHHFPZAM2';
    const line = (over: Record<string, unknown>) =>
      JSON.stringify({
        SourceMetadata: { Data: { Filesystem: { file: 'notebooks/train.ipynb', line: 7 } } },
        SourceID: 1,
        SourceType: 15,
        SourceName: 'trufflehog - filesystem',
        DetectorType: 2,
        DetectorName: 'AWS',
        DecoderName: 'PLAIN',
        Verified: true,
        Raw: AWS_ID,
        RawV2: `${AWS_ID}${SECRET}`,
        Redacted: AWS_ID,
        ExtraData: { account: '052310077262', arn: 'arn:aws:iam::052310077262:user/ci' },
        StructuredData: null,
        ...over,
      });
    const report = [line({}), line({ SourceMetadata: { Data: { Git: { commit: 'fbc14303', file: 'src/keys.py', email: 'dev@example.com', repository: 'https://github.com/acme/ml', line: 3 } } }, DetectorName: 'Github', Verified: false, Raw: SECRET })].join('\n');

    it('reads the results wherever they were found, verified ones first, masking and dropping Raw, RawV2 and Redacted', () => {
      const parsed = secretScan.parseEvidence!(Buffer.from(`${report}\n`));
      expect(parsed).toMatchObject({ outcome: 'fail', format: 'trufflehog-json', summary: { text: 'trufflehog: 2 secrets' } });
      const stored = JSON.stringify(parsed.summary);
      for (const raw of [SECRET, AWS_ID, 'R4wS3cr3t', '052310077262', 'dev@example.com']) expect(stored).not.toContain(raw);
      expect(parsed.summary.details).toEqual([
        expect.stringMatching(/^notebooks\/train\.ipynb:7 AWS AKIA\*{12}ZAM2 \(fingerprint [0-9a-f]{12}\)$/),
        expect.stringMatching(/^src\/keys\.py:3 Github ghp_\*{16}ed12 /),
      ]);
    });

    it('takes an empty file named as TruffleHog output as the clean run it is, and refuses it unnamed', () => {
      expect(secretScan.parseEvidence!(Buffer.from(''), 'trufflehog-json')).toMatchObject({ outcome: 'pass', format: 'trufflehog-json' });
      expect(() => secretScan.parseEvidence!(Buffer.from(''))).toThrow(UnrecognisedReportError);
    });

    it('is no evidence for pii-scan', () => {
      expect(() => piiScan.parseEvidence!(Buffer.from(report))).toThrow(/a trufflehog-json report is not evidence for pii-scan/);
    });
  });

  it("lets a waiver name gitleaks' own Fingerprint", () => {
    expect(evaluate([record(gitleaksJson)], ['abc:src/train.py:github-pat:12']).status).toBe('pass');
  });

  it('refuses other documents, naming donegate scan and gitleaks formats', () => {
    const refuse = () => secretScan.parseEvidence!(Buffer.from('{"auditReportVersion":2,"vulnerabilities":{}}'));
    expect(refuse).toThrow(UnrecognisedReportError);
    expect(refuse).toThrow(/secret-scan accepts: a donegate scan report .*gitleaks JSON .*gitleaks SARIF/);
  });
});
