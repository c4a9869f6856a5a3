import { z } from 'zod';
import { buildReport, type Finding, type ParsedReport } from '../finding.js';
import { InvalidReportError } from '../report-errors.js';
import { FORMAT_LABELS } from '../report-format.js';
import { severityFromWord } from '../severity.js';
import { parseWith } from '../zod-issues.js';

const LABEL = FORMAT_LABELS.snyk;

/**
 * One issue of `snyk test --json`: a vulnerability (or, with a license policy, a license issue, which is
 * not a vulnerability and is left out) on one dependency path. The same id repeats once per path (`from`).
 */
const issueSchema = z.object({
  id: z.string().min(1),
  type: z.string().nullish(),
  title: z.string().nullish(),
  severity: z.string(),
  packageName: z.string().min(1),
  version: z.string().nullish(),
  identifiers: z.object({ CVE: z.array(z.string()).nullish(), GHSA: z.array(z.string()).nullish() }).partial().nullish(),
  fixedIn: z.array(z.string()).nullish(),
});
type Issue = z.infer<typeof issueSchema>;

const projectSchema = z.object({
  vulnerabilities: z.array(issueSchema),
  packageManager: z.string().nullish(),
  projectName: z.string().nullish(),
  displayTargetFile: z.string().nullish(),
  filtered: z.object({ ignore: z.array(issueSchema).nullish() }).nullish(),
});
type Project = z.infer<typeof projectSchema>;

/** `--all-projects` writes an array of projects; one project is an object. */
const documentSchema = z.union([projectSchema, z.array(projectSchema)]);

const snykError = z.object({ ok: z.literal(false), error: z.string() });

function toFinding(issue: Issue, ecosystem: string | null | undefined, suppressed: boolean): Finding {
  const aliases = [...(issue.identifiers?.GHSA ?? []), ...(issue.identifiers?.CVE ?? [])].filter((alias) => alias !== issue.id);
  const finding: Finding = {
    id: issue.id,
    aliases: [...new Set(aliases)],
    package: { name: issue.packageName, ...(issue.version ? { version: issue.version } : {}), ...(ecosystem ? { ecosystem } : {}) },
    // Snyk's words are low, medium, high and critical.
    severity: severityFromWord(issue.severity),
    url: `https://security.snyk.io/vuln/${encodeURIComponent(issue.id)}`,
    source: 'snyk',
  };
  if (issue.title) finding.title = issue.title;
  const fixed = issue.fixedIn?.[0];
  if (fixed) finding.fixedVersion = fixed;
  if (suppressed) finding.suppressed = { by: 'report', justification: 'ignored by the Snyk policy (.snyk)' };
  return finding;
}

/** `snyk test --json` (and `--all-projects`): one finding per issue, package and version, whatever the paths. */
export function parseSnyk(value: unknown): ParsedReport {
  const failed = snykError.safeParse(value);
  if (failed.success) throw new InvalidReportError(LABEL, `snyk test did not produce a report but failed: ${failed.data.error}`);
  const document = parseWith(documentSchema, value, LABEL);
  const projects: Project[] = Array.isArray(document) ? document : [document];
  const findings = new Map<string, Finding>();
  let licenseIssues = 0;
  for (const project of projects) {
    const add = (issue: Issue, suppressed: boolean) => {
      if (issue.type === 'license') {
        licenseIssues += 1;
        return;
      }
      const key = `${issue.id}\u0000${issue.packageName}\u0000${issue.version ?? ''}`;
      if (!findings.has(key)) findings.set(key, toFinding(issue, project.packageManager, suppressed));
    };
    for (const issue of project.vulnerabilities) add(issue, false);
    for (const issue of project.filtered?.ignore ?? []) add(issue, true);
  }
  const notes = licenseIssues > 0 ? [`${licenseIssues} license issue(s) left out: they are not vulnerabilities`] : [];
  return buildReport({ format: 'snyk', tool: { name: 'snyk test' }, findings: [...findings.values()], notes });
}
