import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InvalidReportError, UnrecognisedReportError, parseEvidenceReport, type ParsedReport } from '../../../src/evidence/reports/index.js';

/**
 * Every file in the shared third-party corpus either parses to the counts the file itself states, or is
 * refused with a message that says why. Expectations are read from each file's own fields, never typed in.
 */
const CORPUS = resolve(process.cwd(), '../shared/corpora/audit-reports');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

type Json = Record<string, unknown>;
const asRecord = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** npm's own tally: metadata.vulnerabilities counts each vulnerable package once. */
function expectNpmCounts(file: Json, report: ParsedReport): void {
  const stated = asRecord(asRecord(file.metadata).vulnerabilities);
  for (const severity of ['info', 'low', 'moderate', 'high', 'critical'] as const) {
    expect(report.counts[severity]).toBe(stated[severity]);
  }
  expect(report.findings.length).toBe(stated.total);
}

/** One finding per package version per vulnerability group; uncalled groups are suppressed, not dropped. */
function expectOsvCounts(file: Json, report: ParsedReport): void {
  const open = new Set<string>();
  const uncalled = new Set<string>();
  for (const result of asArray(file.results)) {
    for (const entry of asArray(asRecord(result).packages)) {
      const pkg = asRecord(asRecord(entry).package);
      const pkgKey = `${String(pkg.ecosystem)}|${String(pkg.name ?? pkg.commit)}|${String(pkg.version ?? pkg.commit)}`;
      const groups = asRecord(entry).groups;
      const groupIds: Array<{ ids: string[]; called: boolean }> = Array.isArray(groups)
        ? groups.map((group) => {
            const ids = asArray(asRecord(group).ids).map(String);
            const analysis = asRecord(asRecord(group).experimental_analysis);
            // osv-scanner's GroupInfo.IsCalled: called unless call analysis exists and none of it says called.
            const analyses = Object.values(analysis).map(asRecord);
            const called = analyses.length === 0 || analyses.some((entry) => entry.called !== false);
            return { ids, called };
          })
        : asArray(asRecord(entry).vulnerabilities).map((id) => ({ ids: [String(id)], called: true }));
      for (const { ids, called } of groupIds) {
        const key = `${pkgKey}|${[...ids].sort().join(',')}`;
        (called ? open : uncalled).add(key);
      }
    }
  }
  expect(report.findings.length - report.suppressedCount).toBe(open.size);
  expect(report.suppressedCount).toBe(uncalled.size);
}

/** SARIF: results per run that are not suppressed (and not gone since the baseline). */
function expectSarifCounts(file: Json, report: ParsedReport): void {
  let open = 0;
  for (const run of asArray(file.runs)) {
    for (const result of asArray(asRecord(run).results)) {
      const entry = asRecord(result);
      if (entry.baselineState === 'absent') continue;
      const suppressions = asArray(entry.suppressions).map(asRecord);
      const suppressed = suppressions.length > 0 && !suppressions.some((s) => s.status === 'underReview' || s.status === 'rejected');
      if (!suppressed) open += 1;
    }
  }
  expect(report.findings.length - report.suppressedCount).toBe(open);
}

const describeCorpus = existsSync(CORPUS) ? describe : describe.skip;

describeCorpus(`every file in the audit-report corpus (${existsSync(CORPUS) ? CORPUS : `skipped: ${CORPUS} is absent`})`, () => {
  const files = existsSync(CORPUS) ? walk(CORPUS) : [];

  it('finds the corpus files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((path) => [relative(CORPUS, path), path]))('%s parses to the counts it states or is refused clearly', (_name, path) => {
    const bytes = readFileSync(path);
    const file = parseJson(bytes.toString('utf8'));
    if (file === undefined) {
      // LICENSE files and the like: refused, naming what we accept.
      expect(() => parseEvidenceReport(bytes)).toThrow(UnrecognisedReportError);
      expect(() => parseEvidenceReport(bytes)).toThrow(/not valid JSON.*donegate accepts: npm audit/s);
      return;
    }
    const record = asRecord(file);
    const parsed = parseEvidenceReport(bytes);

    if (record.bomFormat === 'CycloneDX') {
      if (parsed.kind !== 'vex') throw new Error('expected VEX');
      const vulnerabilities = asArray(record.vulnerabilities).map(asRecord);
      expect(parsed.vex.statements).toHaveLength(vulnerabilities.length);
      const states = vulnerabilities.map((v) => asRecord(v.analysis).state);
      const mapped = { not_affected: 'not_affected', resolved: 'fixed', exploitable: 'affected', in_triage: 'under_investigation' } as Record<string, string>;
      expect(parsed.vex.statements.map((s) => s.status)).toEqual(states.map((state) => mapped[String(state)]));
      expect(parsed.vex.statements.map((s) => s.vulnerability)).toEqual(vulnerabilities.map((v) => v.id));
      return;
    }
    if (parsed.kind !== 'report') throw new Error('expected a report');
    const { report } = parsed;
    expect(report.suppressedCount + Object.values(report.counts).reduce((a, b) => a + b, 0)).toBe(report.findings.length);

    if ('auditReportVersion' in record) {
      expect(report.format).toBe('npm-audit');
      expectNpmCounts(record, report);
    } else if ('runs' in record) {
      expect(report.format).toBe('sarif');
      expectSarifCounts(record, report);
    } else if ('results' in record) {
      expect(report.format).toBe('osv-scanner');
      expectOsvCounts(record, report);
    } else {
      throw new Error(`no expectation for ${path}; the corpus grew a format this test does not know`);
    }
  });

  it('refuses nothing that is JSON: every JSON file in the corpus is a format we read', () => {
    for (const path of files) {
      const bytes = readFileSync(path);
      if (parseJson(bytes.toString('utf8')) === undefined) continue;
      expect(() => parseEvidenceReport(bytes)).not.toThrow(InvalidReportError);
    }
  });
});
