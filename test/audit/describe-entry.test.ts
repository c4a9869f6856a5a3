import { describe, expect, it } from '@jest/globals';
import { describeEntry } from '../../src/audit/describe-entry.js';
import type { AuditEntry } from '../../src/audit/audit-entry.js';

const accepted = (data: Record<string, unknown>): AuditEntry => ({
  seq: 7,
  time: '2026-12-01T10:00:00.000Z',
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
  type: 'evidence-accepted',
  tracker: 'jira',
  ticket: 'ML-1',
  actor: 'token:ci-main',
  data: { evidenceId: 'e1', criterion: 'dependency-audit', outcome: 'pass', format: 'npm-audit', summary: 'npm audit: 0 findings', sha256: 'ab'.repeat(32), source: 'api', ...data },
});

describe('describeEntry for accepted evidence', () => {
  it('says who vouched for it: the token, its role and the CI run', () => {
    const provenance = { kind: 'token', token: 'ci-main', role: 'ci', ciRunUrl: 'https://github.com/acme/ml/actions/runs/1' };
    expect(describeEntry(accepted({ provenance }))).toBe(
      'Evidence for dependency-audit accepted (npm-audit, pass): npm audit: 0 findings; sha256 abababababab…; submitted by token `ci-main` (ci), run https://github.com/acme/ml/actions/runs/1',
    );
  });

  it("says when donegate scanned attached data itself, with the file name flattened to one line", () => {
    const provenance = { kind: 'donegate-scan', tracker: 'jira', attachment: { id: '10042', filename: 'data\n# heading`.csv' }, attachedBy: 'alice-acc' };
    expect(describeEntry(accepted({ provenance }))).toMatch(/; scanned by donegate from attachment data # heading \.csv$/);
  });

  it('adds nothing for entries written before provenance was recorded', () => {
    expect(describeEntry(accepted({}))).toBe('Evidence for dependency-audit accepted (npm-audit, pass): npm audit: 0 findings; sha256 abababababab…');
  });
});
