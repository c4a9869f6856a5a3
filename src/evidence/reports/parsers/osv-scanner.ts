import { z } from 'zod';
import { cvssV3BaseScore } from '../cvss-v3.js';
import { buildReport, type Finding, type ParsedReport } from '../finding.js';
import { FORMAT_LABELS } from '../report-format.js';
import { severityFromCvssScore, severityFromScoreText, severityFromWord, worseOf, type Severity } from '../severity.js';
import { parseWith } from '../zod-issues.js';

const LABEL = FORMAT_LABELS['osv-scanner'];

/** An OSV record (https://ossf.github.io/osv-schema/), only the fields we read. */
const osvSchema = z.object({
  id: z.string().min(1),
  aliases: z.array(z.string()).nullish(),
  summary: z.string().nullish(),
  severity: z.array(z.object({ type: z.string().nullish(), score: z.string().nullish() })).nullish(),
  database_specific: z.object({ severity: z.string().nullish() }).nullish(),
  affected: z
    .array(
      z.object({
        package: z.object({ name: z.string().nullish(), ecosystem: z.string().nullish() }).nullish(),
        ranges: z.array(z.object({ events: z.array(z.object({ fixed: z.string().nullish() })).nullish() })).nullish(),
      }),
    )
    .nullish(),
});
type Osv = z.infer<typeof osvSchema>;

/** osv-scanner groups aliases of one vulnerability; `experimental_analysis` carries call analysis. */
const groupSchema = z.object({
  ids: z.array(z.string()).min(1),
  aliases: z.array(z.string()).nullish(),
  max_severity: z.string().nullish(),
  experimental_analysis: z.record(z.string(), z.object({ called: z.boolean().nullish(), unimportant: z.boolean().nullish() })).nullish(),
});

const packageSchema = z.object({
  package: z.object({ name: z.string().nullish(), version: z.string().nullish(), ecosystem: z.string().nullish(), commit: z.string().nullish() }),
  // osv-scanner's own test snapshots of image scans elide details to a count and a list of ids.
  groups: z.union([z.array(groupSchema), z.number()]).nullish(),
  vulnerabilities: z.union([z.array(osvSchema), z.array(z.string())]).nullish(),
});

const reportSchema = z.object({
  results: z.array(z.object({ packages: z.array(packageSchema).nullish() })),
});

/** database_specific.severity (GitHub's word) → osv-scanner's max_severity score → CVSS v3 vectors → bare scores. */
function severityOf(vulns: Osv[], maxSeverity: string | null | undefined): Severity {
  let word: Severity = 'unknown';
  for (const vuln of vulns) word = worseOf(word, severityFromWord(vuln.database_specific?.severity));
  if (word !== 'unknown') return word;
  const fromMax = severityFromScoreText(maxSeverity);
  if (fromMax) return fromMax;
  let computed: Severity = 'unknown';
  for (const vuln of vulns) {
    for (const entry of vuln.severity ?? []) {
      const score = entry.score ?? '';
      const vectorScore = score.startsWith('CVSS:3') ? cvssV3BaseScore(score) : undefined;
      const band = vectorScore !== undefined ? severityFromCvssScore(vectorScore) : (severityFromScoreText(score) ?? 'unknown');
      computed = worseOf(computed, band);
    }
  }
  return computed;
}

function fixedVersionOf(vulns: Osv[], packageName: string | undefined): string | undefined {
  for (const vuln of vulns) {
    for (const affected of vuln.affected ?? []) {
      if (packageName !== undefined && affected.package?.name && affected.package.name !== packageName) continue;
      for (const range of affected.ranges ?? []) {
        const fixed = range.events?.find((event) => event.fixed)?.fixed;
        if (fixed) return fixed;
      }
    }
  }
  return undefined;
}

export function parseOsvScanner(value: unknown): ParsedReport {
  const report = parseWith(reportSchema, value, LABEL);
  const findings = new Map<string, Finding>();
  const notes: string[] = [];
  let elided = false;

  for (const result of report.results) {
    for (const entry of result.packages ?? []) {
      const pkg = entry.package;
      const name = pkg.name ?? pkg.commit ?? undefined;
      const packageKey = `${pkg.ecosystem ?? ''}|${name ?? ''}|${pkg.version ?? pkg.commit ?? ''}`;
      const vulns = entry.vulnerabilities ?? [];
      const records = vulns.filter((vuln): vuln is Osv => typeof vuln !== 'string');
      const byId = new Map(records.map((vuln) => [vuln.id, vuln]));
      const groups = Array.isArray(entry.groups)
        ? entry.groups
        : vulns.map((vuln) => ({ ids: [typeof vuln === 'string' ? vuln : vuln.id], aliases: null, max_severity: null, experimental_analysis: null }));
      if (vulns.some((vuln) => typeof vuln === 'string')) elided = true;

      for (const group of groups) {
        const ids = [...new Set(group.ids)];
        // The same package at the same version found through two lockfiles is one finding, as osv-scanner's
        // own summary counts it.
        const key = `${packageKey}|${[...ids].sort().join(',')}`;
        if (findings.has(key)) continue;
        const members = ids.map((id) => byId.get(id)).filter((vuln): vuln is Osv => vuln !== undefined);
        const id = ids[0] as string;
        const aliases = new Set<string>([...ids, ...(group.aliases ?? []), ...members.flatMap((vuln) => vuln.aliases ?? [])]);
        aliases.delete(id);
        const finding: Finding = { id, aliases: [...aliases], severity: severityOf(members, group.max_severity), source: 'osv-scanner' };
        if (name !== undefined) {
          finding.package = { name };
          if (pkg.version) finding.package.version = pkg.version;
          if (pkg.ecosystem) finding.package.ecosystem = pkg.ecosystem;
        }
        const title = members.find((vuln) => vuln.summary)?.summary;
        if (title) finding.title = title;
        finding.url = `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
        const fixed = fixedVersionOf(members, pkg.name ?? undefined);
        if (fixed) finding.fixedVersion = fixed;
        // Call analysis says the vulnerable function is never reached; osv-scanner reports these apart and
        // does not fail on them (GroupInfo.IsCalled: any analysed alias called → called), so neither do we —
        // but they stay visible as suppressed.
        const analyses = Object.values(group.experimental_analysis ?? {});
        if (analyses.length > 0 && analyses.every((analysis) => analysis.called === false)) {
          finding.suppressed = { by: 'report', justification: 'osv-scanner call analysis: vulnerable code is not called' };
        } else if (analyses.length > 0 && analyses.every((analysis) => analysis.unimportant === true)) {
          finding.suppressed = { by: 'report', justification: 'osv-scanner marked it unimportant' };
        }
        findings.set(key, finding);
      }
    }
  }
  if (elided) notes.push('Some vulnerabilities were listed by id only, without details; their severity is unknown.');
  return buildReport({ format: 'osv-scanner', tool: { name: 'OSV-Scanner' }, findings: [...findings.values()], notes });
}
