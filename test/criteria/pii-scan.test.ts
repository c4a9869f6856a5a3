import { createHash } from 'node:crypto';
import type { CriterionContext } from '../../src/criteria/criterion.js';
import { createPiiScan, piiScan } from '../../src/criteria/pii-scan.js';
import type { EvidenceRecord } from '../../src/evidence/evidence-record.js';
import type { CriterionResult } from '../../src/domain/index.js';
import { UnrecognisedReportError } from '../../src/evidence/reports/index.js';
import { formatJsonReport } from '../../src/scan-report/index.js';
import type { Waiver } from '../../src/waivers/waiver.js';
import { finding, FIXTURE_FINDINGS, RAW_VALUES, scanReport } from '../scan-report/scan-report-fixture.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ticket = { tracker: 'jira' as const, id: '1', key: 'ML-1', title: 't', status: { id: 'd', name: 'Done', category: 'done', isDone: true }, project: 'ML', labels: [] };
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let n = 0;
function record(bytes: string, daysAgo = 0): EvidenceRecord {
  const parsed = piiScan.parseEvidence!(Buffer.from(bytes));
  n += 1;
  return { id: `e${n}`, tracker: 'jira', ticketKey: 'ML-1', criterion: 'pii-scan', outcome: parsed.outcome, summary: { ...parsed.summary, format: parsed.format }, sha256: sha(bytes), source: 'test', submitter: 'ci', createdAt: new Date(NOW.getTime() - daysAgo * 86_400_000 - n) };
}
const waiver = (advisories: string[], expiresAt = new Date('2026-04-01')): Waiver => ({ id: 'w', tracker: 'jira', ticketKey: 'ML-1', criterion: 'pii-scan', advisories, reason: 'synthetic', approver: 'dana', approvedVia: 'api', expiresAt, createdAt: NOW });
const context = (evidence: EvidenceRecord[], waivers: Waiver[] = []): CriterionContext => ({ ticket, evidence, waivers, now: NOW });
const evaluate = (ctx: CriterionContext, options: Record<string, unknown> = {}) => piiScan.evaluate(ctx, piiScan.optionsSchema.parse(options)) as CriterionResult; // both are synchronous

const clean = formatJsonReport(scanReport([FIXTURE_FINDINGS[3]!])); // only a secret: nothing for pii-scan
const dirty = formatJsonReport(scanReport());

describe('pii-scan', () => {
  describe('reading a report', () => {
    it('reads a donegate scan report and keeps only masked PII findings, worst first', () => {
      const parsed = piiScan.parseEvidence!(Buffer.from(dirty));
      expect(parsed).toMatchObject({ outcome: 'fail', format: 'donegate-scan' });
      expect(parsed.summary.text).toBe('donegate-scan 0.1.0: 3 PII findings in 2 files (1 secret left to secret-scan)');
      expect(parsed.summary.details).toEqual([
        `data/users.csv:3 email j***@e***.com (fingerprint ${FIXTURE_FINDINGS[0]!.fingerprint.slice(0, 12)})`,
        `data/users.csv:7 payment-card **** **** **** 4242 (fingerprint ${FIXTURE_FINDINGS[1]!.fingerprint.slice(0, 12)})`,
        `data/users.csv:9 iban GB82 **** **** **** **** 32 (fingerprint ${FIXTURE_FINDINGS[2]!.fingerprint.slice(0, 12)})`,
      ]);
      const stored = JSON.stringify(parsed.summary);
      for (const raw of RAW_VALUES) expect(stored).not.toContain(raw);
    });

    it('passes a report whose only findings are secrets', () => {
      expect(piiScan.parseEvidence!(Buffer.from(clean)).outcome).toBe('pass');
    });

    it.each([
      ['an unrelated JSON document', '{"hello":"world"}'],
      ['a gitleaks report', '[{"RuleID":"aws","File":"a","StartLine":1,"Secret":"x"}]'],
      ['text', 'hello'],
    ])('refuses %s with an UnrecognisedReportError naming what it accepts', (_what, bytes) => {
      const refuse = () => piiScan.parseEvidence!(Buffer.from(bytes));
      expect(refuse).toThrow(UnrecognisedReportError);
      expect(refuse).toThrow(/pii-scan accepts: a donegate scan report .*; a dataset manifest/);
    });
  });

  describe('judging', () => {
    it('fails without evidence', () => {
      expect(evaluate(context([]))).toMatchObject({ status: 'fail', reason: 'no evidence' });
    });

    it('passes on a report with no PII findings', () => {
      expect(evaluate(context([record(clean)]))).toMatchObject({ status: 'pass', reason: 'donegate-scan 0.1.0: no open PII findings' });
    });

    it('fails listing the worst findings masked, and how many more', () => {
      const many = formatJsonReport(scanReport(Array.from({ length: 8 }, (_, i) => finding({ raw: `user${i}@example.com`, line: i + 1 }))));
      const result = evaluate(context([record(many)]));
      expect(result).toMatchObject({ status: 'fail', reason: 'donegate-scan 0.1.0: 8 PII findings not waived' });
      expect(result.details).toHaveLength(6);
      expect(result.details![0]).toMatch(/^data\/users\.csv:1 email j\*\*\*@e\*\*\*\.com \(fingerprint [0-9a-f]{12}\)$/);
      expect(result.details![5]).toBe('…and 3 more');
      expect(result.fix).toContain('donegate scan data/ --submit --tracker jira --ticket ML-1');
    });

    it('fails on a report older than maxAgeDays', () => {
      expect(evaluate(context([record(clean, 10)]), { maxAgeDays: 7 })).toMatchObject({ status: 'fail', reason: 'the latest scan is 10 days old; at most 7 days are allowed' });
    });

    it('lets waivers naming fingerprints (or their first 12 digits) through, and says which lapsed', () => {
      const [email, card, iban] = FIXTURE_FINDINGS;
      const result = evaluate(context([record(dirty)], [waiver([email!.fingerprint, card!.fingerprint.slice(0, 12)]), waiver([iban!.fingerprint], new Date('2026-02-01'))]));
      expect(result.status).toBe('fail');
      expect(result.reason).toBe('donegate-scan 0.1.0: 1 PII finding not waived; 2 waived (waived by dana until 2026-03-31: synthetic)');
      expect(result.details).toEqual([expect.stringContaining('iban'), expect.stringContaining('expired on 2026-02-01')]);

      const all = evaluate(context([record(dirty)], [waiver(FIXTURE_FINDINGS.map((f) => f.fingerprint))]));
      expect(all).toMatchObject({ status: 'pass', reason: 'donegate-scan 0.1.0: no open PII findings; 3 waived (waived by dana until 2026-03-31: synthetic)' });
    });

    it('does not take a fingerprint prefix shorter than 12 digits', () => {
      expect(evaluate(context([record(dirty)], [waiver(FIXTURE_FINDINGS.map((f) => f.fingerprint.slice(0, 6)))])).status).toBe('fail');
    });
  });

  describe('dataset coverage', () => {
    const files = [{ file: 'data/users.csv', sha256: 'a'.repeat(64), size: 2048 }, { file: 'notebooks/train.ipynb', sha256: 'b'.repeat(64), size: 4096 }];
    const report = formatJsonReport(scanReport([], files));

    it('passes when the scan covers every declared file by path and sha256 (sha256sum manifest, ./ paths)', () => {
      const manifest = record(`${'a'.repeat(64)}  ./data/users.csv\n`);
      expect(manifest.summary).toMatchObject({ kind: 'dataset-manifest', text: 'dataset manifest: 1 file the scan must cover' });
      expect(evaluate(context([manifest, record(report)]))).toMatchObject({ status: 'pass', reason: expect.stringContaining('covers the declared datasets') });
    });

    it('matches a scan run from a parent folder by path suffix', () => {
      const nested = formatJsonReport(scanReport([], [{ file: 'repo/data/users.csv', sha256: 'a'.repeat(64), size: 1 }]));
      expect(evaluate(context([record(JSON.stringify({ datasets: [{ path: 'data/users.csv', sha256: 'a'.repeat(64) }] })), record(nested)])).status).toBe('pass');
    });

    it('fails when a declared file was not scanned, or was scanned with other bytes', () => {
      const manifest = record(JSON.stringify({ datasets: [{ path: 'data/users.csv', sha256: 'd'.repeat(64) }, { path: 'data/extra.csv', sha256: 'e'.repeat(64) }] }));
      const result = evaluate(context([record(report), manifest]));
      expect(result).toMatchObject({ status: 'fail', reason: 'the latest scan does not cover 2 of the 2 declared dataset files' });
      expect(result.details).toEqual([`data/users.csv: scanned with another sha256 (${'a'.repeat(12)}…, declared ${'d'.repeat(12)}…)`, 'data/extra.csv: not scanned']);
    });

    it('fails a file the scan skipped', () => {
      const skipped = formatJsonReport(scanReport([], [{ file: 'data/users.csv', sha256: 'a'.repeat(64), size: 1, skipped: 'unreadable' }]));
      expect(evaluate(context([record(`${'a'.repeat(64)}  data/users.csv\n`), record(skipped)])).details).toEqual(['data/users.csv: skipped by the scan (unreadable)']);
    });

    it('with datasets: required, fails until the ticket or a manifest declares the files', () => {
      expect(evaluate(context([record(report)]), { datasets: 'required' })).toMatchObject({
        status: 'fail',
        reason: 'neither the ticket nor a dataset manifest says which files the scan must cover',
        fix: expect.stringContaining('"Datasets" section of the ticket description'),
      });
    });

    describe('named in the ticket description', () => {
      const withDescription = (description: string | Error) =>
        createPiiScan({ readTicketDescription: async () => (description instanceof Error ? Promise.reject(description) : description) });
      const judge = (description: string | Error, evidence: EvidenceRecord[], options: Record<string, unknown> = {}) => {
        const criterion = withDescription(description);
        return criterion.evaluate(context(evidence), criterion.optionsSchema.parse(options));
      };

      it('passes when the scan covers every file of the "Datasets" section, by path, and by sha256 where one is given', async () => {
        const description = `Train the churn model.\n\n## Datasets\n- data/users.csv ${'a'.repeat(64)}\n- \`notebooks/train.ipynb\`\n\n## Notes\n- see wiki/setup.md`;
        expect(await judge(description, [record(report)], { datasets: 'required' })).toMatchObject({ status: 'pass', reason: expect.stringContaining('covers the declared datasets') });
      });

      it('fails naming each declared file the scan missed or saw with other bytes', async () => {
        const description = `Datasets:\n- data/users.csv ${'f'.repeat(64)}\n- data/holdout.parquet\n`;
        const result = await judge(description, [record(report)]);
        expect(result).toMatchObject({ status: 'fail', reason: 'the latest scan does not cover 2 of the 2 declared dataset files' });
        expect(result.details).toEqual([`data/users.csv: scanned with another sha256 (${'a'.repeat(12)}…, declared ${'f'.repeat(12)}…)`, 'data/holdout.parquet: not scanned']);
      });

      it('lets a submitted manifest pin the content of a file the ticket names by path only', async () => {
        const manifest = record(`${'c'.repeat(64)}  data/users.csv\n`);
        const result = await judge('## Datasets\n- data/users.csv\n', [manifest, record(report)]);
        expect(result.details).toEqual([`data/users.csv: scanned with another sha256 (${'a'.repeat(12)}…, declared ${'c'.repeat(12)}…)`]);
      });

      it('reads nothing outside the section, and a description without one declares nothing', async () => {
        expect(await judge('Uses data/secret-export.csv, see the runbook.', [record(report)], { datasets: 'required' })).toMatchObject({ status: 'fail', reason: expect.stringMatching(/^neither the ticket/) });
      });

      it('rejects when the description cannot be read, so the gate reports could-not-check rather than judging', async () => {
        await expect(judge(new Error('Jira answered 503'), [record(report)])).rejects.toThrow('Jira answered 503');
      });
    });
  });
});
