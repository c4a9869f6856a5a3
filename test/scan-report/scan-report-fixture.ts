import { findingFingerprint, FingerprintKey } from '../../src/scan/fingerprint.js';
import type { ScanFinding, ScannedFile, ScanReport } from '../../src/scan/scan-types.js';
import { summariseFindings } from '../../src/scan-report/index.js';

/** The raw values behind the fixture findings: no output may ever contain one of them. */
export const RAW_VALUES = ['jane.doe@example.com', '4242424242424242', 'AKIAIOSFODNN7EXAMPLE', 'GB82WEST12345698765432'];

/** The fixed key the fixture's fingerprints are made under, as a CI run with DONEGATE_FINGERPRINT_KEY set would. */
export const FIXTURE_FINGERPRINT_KEY = new FingerprintKey(Buffer.alloc(32, 7));

const fingerprint = (detector: string, file: string, raw: string) => findingFingerprint(FIXTURE_FINGERPRINT_KEY, detector, file, raw);

export function finding(overrides: Partial<ScanFinding> & { raw?: string } = {}): ScanFinding {
  const { raw = 'jane.doe@example.com', ...rest } = overrides;
  const base: ScanFinding = {
    file: 'data/users.csv',
    line: 3,
    column: 12,
    endColumn: 32,
    detector: 'email',
    kind: 'pii',
    masked: 'j***@e***.com',
    confidence: 'high',
    fingerprint: fingerprint(rest.detector ?? 'email', rest.file ?? 'data/users.csv', raw),
  };
  return { ...base, ...rest };
}

export const FIXTURE_FINDINGS: ScanFinding[] = [
  finding(),
  finding({ raw: '4242424242424242', detector: 'payment-card', line: 7, column: 1, endColumn: 17, masked: '**** **** **** 4242', location: 'row 7 column card' }),
  finding({ raw: 'GB82WEST12345698765432', detector: 'iban', line: 9, masked: 'GB82 **** **** **** **** 32', confidence: 'medium' }),
  finding({ raw: 'AKIAIOSFODNN7EXAMPLE', file: 'notebooks/train.ipynb', detector: 'aws-access-key-id', kind: 'secret', line: 2, column: 9, endColumn: 29, masked: 'AKIA************MPLE', location: 'cell 3 source' }),
];

export function scanReport(findings: ScanFinding[] = FIXTURE_FINDINGS, files: ScannedFile[] = [
  { file: 'data/users.csv', sha256: 'a'.repeat(64), size: 2048 },
  { file: 'notebooks/train.ipynb', sha256: 'b'.repeat(64), size: 4096 },
]): ScanReport {
  return {
    tool: { name: 'donegate-scan', version: '0.1.0', rulesSha256: 'c'.repeat(64) },
    generatedAt: '2026-01-15T10:00:00.000Z',
    fingerprints: { scheme: 'hmac-sha256', keyId: FIXTURE_FINGERPRINT_KEY.id },
    files,
    findings,
    baselined: 0,
    summary: summariseFindings(findings, files),
  };
}
