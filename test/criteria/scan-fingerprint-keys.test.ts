import { createHash } from 'node:crypto';
import { createPiiScan } from '../../src/criteria/pii-scan.js';
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
});
