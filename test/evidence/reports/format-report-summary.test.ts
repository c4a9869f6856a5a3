import { applyVex, formatReportSummary } from '../../../src/evidence/reports/index.js';
import { corpusFile, fixture, reportOf, vexOf, itWithCorpus } from './support.js';

describe('formatReportSummary', () => {
  it('states counts worst first, the total, and what VEX and the report suppressed', () => {
    const report = applyVex(reportOf(fixture('trivy-image.json')), [vexOf(fixture('openvex.json'))]);
    const summary = formatReportSummary(report, { limit: 2 });
    expect(summary.headline).toBe('Trivy: 1 critical, 1 low, 1 unknown severity (3 findings; 2 suppressed by VEX; 2 suppressed in the report)');
    expect(summary.worst).toEqual(['CVE-2023-6129 libcrypto3 3.1.4-r2 → fixed in 3.1.4-r3 (critical)', 'CVE-2024-99999 left-pad 1.3.0 (unknown)']);
    expect(summary.more).toBe(1);
  });

  itWithCorpus('lists the worst findings first and names packages without versions plainly', () => {
    const summary = formatReportSummary(reportOf(corpusFile('npm-audit-report/all-severity-levels.json')), { limit: 3 });
    expect(summary.headline).toBe('npm audit: 2 critical, 5 high, 1 moderate, 8 low (16 findings)');
    expect(summary.worst).toEqual(['npm-advisory-755 handlebars (critical)', 'npm-advisory-1494 sapper (critical)', 'npm-advisory-782 lodash (high)']);
    expect(summary.more).toBe(13);
  });

  itWithCorpus('says there is nothing open for a clean report', () => {
    expect(formatReportSummary(reportOf(corpusFile('npm-audit-report/no-vulns.json')), { limit: 5 })).toEqual({ headline: 'npm audit: no open findings (0 findings)', worst: [], more: 0 });
  });

  it('shows the GHSA id, package, version and fix in the shape comments use', () => {
    const report = reportOf(fixture('grype-image.json'));
    expect(formatReportSummary(report, { limit: 1 }).worst).toEqual(['GHSA-jf85-cpcp-j695 lodash 4.17.11 → fixed in 4.17.12 (critical)']);
  });
});
