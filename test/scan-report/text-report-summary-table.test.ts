import { formatJsonReport, formatTextReport, scanReportSchema } from '../../src/scan-report/index.js';
import type { ScanReport } from '../../src/scan/scan-types.js';
import { finding, FIXTURE_FINDINGS, scanReport } from './scan-report-fixture.js';

const none = { files: 0, folders: 0 };

function reportWithSelection(): ScanReport {
  const findings = [...FIXTURE_FINDINGS, finding({ raw: 'x@example.org', file: 'notes.md', masked: 'x***@e***.org' })];
  const files = [
    { file: 'data/users.csv', sha256: 'a'.repeat(64), size: 2048 },
    { file: 'notebooks/train.ipynb', sha256: 'b'.repeat(64), size: 4096 },
    { file: 'notes.md', sha256: 'd'.repeat(64), size: 10 },
    { file: 'logo.png', sha256: 'e'.repeat(64), size: 10, skipped: 'binary' },
    { file: 'locked.txt', sha256: 'f'.repeat(64), size: 0, skipped: 'unreadable: EACCES' },
  ];
  return {
    ...scanReport(findings, files),
    baselined: 2,
    selection: { gitignore: true, include: [], exclude: ['vendor/'], skipped: { gitignore: { files: 40, folders: 2 }, excluded: { files: 0, folders: 1 }, 'not-included': none, unchanged: none } },
  };
}

describe('the text report summary', () => {
  it('has a table per detector with its kind, findings and the files they are in, most findings first', () => {
    const text = formatTextReport(reportWithSelection());
    const start = text.indexOf('\nDETECTOR ') + 1;
    expect(text.slice(start, text.indexOf('\n\n', start)).split('\n')).toEqual([
      'DETECTOR           KIND    FINDINGS  FILES',
      'email              pii            2      2',
      'aws-access-key-id  secret         1      1',
      'iban               pii            1      1',
      'payment-card       pii            1      1',
    ]);
    expect(text).toContain('5 findings (4 PII, 1 secret); 2 accepted by the baseline');
  });

  it('says how many files were not scanned and why: binary, unreadable, .gitignore, --exclude', () => {
    expect(formatTextReport(reportWithSelection())).toContain(
      'not scanned: 1 binary, 1 unreadable, 40 files and 2 folders ignored by .gitignore (--no-gitignore scans them), 1 folder excluded by --exclude',
    );
  });

  it('keeps the selection in the JSON report, which reads back through the report schema', () => {
    const report = reportWithSelection();
    const parsed = scanReportSchema.parse(JSON.parse(formatJsonReport(report)));
    expect(parsed.selection).toEqual(report.selection);
  });

  it('prints no table and no "not scanned" line for a clean, complete scan', () => {
    const text = formatTextReport(scanReport([]));
    expect(text).not.toContain('DETECTOR');
    expect(text).not.toContain('not scanned');
  });
});
