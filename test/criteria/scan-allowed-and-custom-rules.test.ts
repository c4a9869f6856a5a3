import type { CriterionContext } from '../../src/criteria/criterion.js';
import { secretScan } from '../../src/criteria/secret-scan.js';
import type { CriterionResult } from '../../src/domain/index.js';
import type { EvidenceRecord } from '../../src/evidence/evidence-record.js';
import { formatJsonReport } from '../../src/scan-report/index.js';
import type { ScanReport } from '../../src/scan/scan-types.js';
import { scanReport } from '../scan-report/scan-report-fixture.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ticket = { tracker: 'linear' as const, id: '1', key: 'AI-1', title: 't', status: { id: 'd', name: 'Done', category: 'completed', isDone: true }, project: 'AI', labels: [] };
const RULES_SHA = 'c'.repeat(64);

/** A clean report (no secrets left) whose repository allowed one secret inline and one by .donegateignore. */
function allowingReport(extra: Partial<ScanReport> = {}): ScanReport {
  return {
    ...scanReport([]),
    allowed: [
      { file: 'tests/fixtures.py', line: 4, column: 9, detector: 'aws-access-key-id', kind: 'secret', fingerprint: '1'.repeat(64), via: 'inline', reason: 'revoked test key' },
      { file: 'docs/setup.md', line: 12, column: 1, detector: 'github-token', kind: 'secret', fingerprint: '2'.repeat(64), via: '.donegateignore', by: 'alice', reason: 'documentation example' },
    ],
    ...extra,
  };
}

function judge(report: ScanReport, options: Record<string, unknown> = {}): CriterionResult {
  const parsed = secretScan.parseEvidence!(Buffer.from(formatJsonReport(report)));
  const record: EvidenceRecord = { id: 'e', tracker: 'linear', ticketKey: 'AI-1', criterion: 'secret-scan', outcome: parsed.outcome, summary: { ...parsed.summary, format: parsed.format }, sha256: 'f'.repeat(64), source: 'test', submitter: 'ci', createdAt: NOW };
  const context: CriterionContext = { ticket, evidence: [record], now: NOW, waivers: [] };
  return secretScan.evaluate(context, secretScan.optionsSchema.parse(options)) as CriterionResult;
}

describe('secret-scan with allow-listed findings and custom rules', () => {
  it('passes findings the repository allowed by default, counting them in the evidence summary and the reason', () => {
    const parsed = secretScan.parseEvidence!(Buffer.from(formatJsonReport(allowingReport())));
    expect(parsed.summary.text).toContain('2 allowed in the repository');
    expect(judge(allowingReport())).toMatchObject({ status: 'pass', reason: expect.stringContaining('; 2 allowed in the repository (1 by donegate:allow, 1 by .donegateignore)') });
  });

  it('counts allowed findings as open when the policy says allowed: block, naming them by fingerprint', () => {
    const result = judge(allowingReport(), { allowed: 'block' });
    expect(result).toMatchObject({ status: 'fail', reason: expect.stringMatching(/2 secrets not waived; 2 allowed in the repository count as open/) });
    expect(result.details).toEqual(expect.arrayContaining([expect.stringMatching(/^tests\/fixtures\.py:4 aws-access-key-id \(allowed inline, not accepted by this policy\) \(fingerprint 111111111111\)$/)]));
  });

  it("fails a scan that did not run the custom rules the policy pins, and passes one that did", () => {
    expect(judge(scanReport([]), { customRules: [RULES_SHA] })).toMatchObject({ status: 'fail', reason: expect.stringContaining(`did not run the custom rules this policy requires (sha256 ${RULES_SHA.slice(0, 12)})`) });
    const ran = { ...scanReport([]), customRules: [{ source: '.gitleaks.toml', sha256: RULES_SHA, rules: 3 }] };
    expect(judge(ran, { customRules: [RULES_SHA] }).status).toBe('pass');
  });

  it('refuses a policy option that is not a sha256', () => {
    expect(secretScan.optionsSchema.safeParse({ customRules: ['rules.toml'] }).success).toBe(false);
  });
});
