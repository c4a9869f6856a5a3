import { createHash } from 'node:crypto';
import { createPiiScan } from '../../src/criteria/pii-scan.js';
import type { EvidenceRecord } from '../../src/evidence/evidence-record.js';
import type { CriterionResult } from '../../src/domain/index.js';
import type { Waiver } from '../../src/waivers/waiver.js';
import { createSecretScan } from '../../src/criteria/secret-scan.js';
import type { ScanEvidence } from '../../src/criteria/scan-evidence.js';
import { FingerprintKey } from '../../src/scan/fingerprint.js';
import { formatJsonReport } from '../../src/scan-report/index.js';
import { FIXTURE_FINDINGS, scanReport } from '../scan-report/scan-report-fixture.js';

const key = new FingerprintKey(Buffer.alloc(32, 1));
const otherKey = new FingerprintKey(Buffer.alloc(32, 2));
const fingerprintsOf = (summary: Record<string, unknown>) => (summary.scan as ScanEvidence).findings.map((finding) => finding.fingerprint);

describe('fingerprints of submitted reports', () => {
  it('keeps the fingerprints of a keyed donegate scan report, as the CLI that made it shows them', () => {
    const parsed = createPiiScan({ fingerprintKey: key }).parseEvidence!(Buffer.from(formatJsonReport(scanReport())));
    const pii = FIXTURE_FINDINGS.filter((finding) => finding.kind === 'pii').map((finding) => finding.fingerprint);
    expect(new Set(fingerprintsOf(parsed.summary))).toEqual(new Set(pii));
  });

  it('keys the sha256 fingerprints of a report from before fingerprints were keyed, so none is shown as it came', () => {
    const { fingerprints: _dropped, ...old } = scanReport();
    const unkeyed = old.findings.map((finding) => ({ ...finding, fingerprint: createHash('sha256').update(`${finding.detector}\0${finding.file}\0x`).digest('hex') }));
    const bytes = Buffer.from(JSON.stringify({ ...old, findings: unkeyed }));
    const shown = fingerprintsOf(createPiiScan({ fingerprintKey: key }).parseEvidence!(bytes).summary);
    expect(shown).toHaveLength(3);
    for (const fingerprint of shown) {
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(unkeyed.map((finding) => finding.fingerprint)).not.toContain(fingerprint);
    }
    expect(fingerprintsOf(createPiiScan({ fingerprintKey: key }).parseEvidence!(bytes).summary)).toEqual(shown);
    expect(fingerprintsOf(createPiiScan({ fingerprintKey: otherKey }).parseEvidence!(bytes).summary)).not.toEqual(shown);
  });

  it.each([
    ['gitleaks JSON', JSON.stringify([{ RuleID: 'generic-api-key', File: 'app.env', StartLine: 3, Secret: 'hunter2hunter2', Match: 'KEY=hunter2hunter2' }])],
    ['TruffleHog JSON Lines', `${JSON.stringify({ DetectorName: 'Github', Raw: 'hunter2hunter2', SourceMetadata: { Data: { Filesystem: { file: 'app.env', line: 3 } } } })}\n`],
  ])('keys the fingerprints of %s, so a guessed secret cannot be checked against one', (_format, report) => {
    const mine = fingerprintsOf(createSecretScan({ fingerprintKey: key }).parseEvidence!(Buffer.from(report)).summary);
    const theirs = fingerprintsOf(createSecretScan({ fingerprintKey: otherKey }).parseEvidence!(Buffer.from(report)).summary);
    expect(mine).toHaveLength(1);
    expect(mine[0]).not.toBe(theirs[0]);
    const guesses = ['gitleaks', 'trufflehog'].flatMap((tool) => ['generic-api-key', 'Github'].map((rule) => createHash('sha256').update(`${tool}\0${rule}\0app.env\0hunter2hunter2`).digest('hex')));
    expect(guesses).not.toContain(mine[0]);
  });

  describe('evidence stored before fingerprints were keyed', () => {
    const NOW = new Date('2026-03-01T12:00:00Z');
    const ticket = { tracker: 'jira' as const, id: '1', key: 'ML-1', title: 't', status: { id: 'd', name: 'Done', category: 'done', isDone: true }, project: 'ML', labels: [] };
    const unkeyed = createHash('sha256').update(['us-ssn', 'data/people.csv', '517-29-4821'].join('\0')).digest('hex');
    // As such a record sits in the database: a sha256 fingerprint, and no `fingerprints` marker.
    const stored: EvidenceRecord = {
      id: 'e-old',
      tracker: 'jira',
      ticketKey: 'ML-1',
      criterion: 'pii-scan',
      outcome: 'fail',
      summary: {
        kind: 'scan-report',
        format: 'donegate-scan',
        text: 'donegate-scan 0.1.0: 1 PII finding in 1 file',
        scan: { tool: 'donegate-scan 0.1.0', findings: [{ file: 'data/people.csv', line: 2, detector: 'us-ssn', kind: 'pii', masked: '***-**-4821', confidence: 'high', fingerprint: unkeyed }], findingCount: 1, otherKindCount: 0, baselined: 0, files: [] },
      },
      sha256: 'a'.repeat(64),
      source: 'cli',
      submitter: 'ci',
      createdAt: NOW,
    };
    const waiver = (advisories: string[]): Waiver => ({ id: 'w', tracker: 'jira', ticketKey: 'ML-1', criterion: 'pii-scan', advisories, reason: 'synthetic', approver: 'dana', approvedVia: 'api', expiresAt: new Date('2026-04-01'), createdAt: NOW });
    const judge = (waivers: Waiver[] = []) => {
      const criterion = createPiiScan({ fingerprintKey: key });
      return criterion.evaluate({ ticket, evidence: [stored], waivers, now: NOW }, criterion.optionsSchema.parse({})) as CriterionResult;
    };

    it('shows a keyed fingerprint in place of the stored sha256 one', () => {
      const result = judge();
      expect(result.status).toBe('fail');
      expect(result.details).toEqual([expect.stringMatching(/^data\/people\.csv:2 us-ssn \*\*\*-\*\*-4821 \(fingerprint [0-9a-f]{12}\)$/)]);
      expect(result.details!.join(' ')).not.toContain(unkeyed.slice(0, 12));
    });

    it('still lets a waiver naming the old fingerprint apply, and one naming the shown fingerprint too', () => {
      const shown = /fingerprint ([0-9a-f]{12})/.exec(judge().details![0]!)![1]!;
      expect(judge([waiver([unkeyed.slice(0, 12)])]).status).toBe('pass');
      expect(judge([waiver([shown])]).status).toBe('pass');
    });
  });
});
