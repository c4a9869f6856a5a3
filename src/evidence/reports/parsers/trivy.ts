import { z } from 'zod';
import { buildReport, type Finding, type ParsedReport } from '../finding.js';
import { InvalidReportError } from '../report-errors.js';
import { FORMAT_LABELS } from '../report-format.js';
import { severityFromWord } from '../severity.js';
import { parseWith } from '../zod-issues.js';

const LABEL = FORMAT_LABELS.trivy;

/** `trivy … --format json` (pkg/types/report.go). Go's encoder writes empty slices as null, hence nullish. */
const vulnerabilitySchema = z.object({
  VulnerabilityID: z.string().min(1),
  VendorIDs: z.array(z.string()).nullish(),
  PkgName: z.string().nullish(),
  PkgIdentifier: z.object({ PURL: z.string().nullish() }).nullish(),
  InstalledVersion: z.string().nullish(),
  FixedVersion: z.string().nullish(),
  Severity: z.string().nullish(),
  Title: z.string().nullish(),
  PrimaryURL: z.string().nullish(),
});
type Vulnerability = z.infer<typeof vulnerabilitySchema>;

/** With --show-suppressed, findings removed by .trivyignore or VEX come back here (Type "vulnerability"). */
const modifiedSchema = z.object({
  Type: z.string().nullish(),
  Status: z.string().nullish(),
  Statement: z.string().nullish(),
  Source: z.string().nullish(),
  Finding: z.unknown(),
});

const resultSchema = z.object({
  Target: z.string().nullish(),
  Type: z.string().nullish(),
  Vulnerabilities: z.array(vulnerabilitySchema).nullish(),
  ExperimentalModifiedFindings: z.array(modifiedSchema).nullish(),
  Misconfigurations: z.array(z.unknown()).nullish(),
  Secrets: z.array(z.unknown()).nullish(),
});
type Result = z.infer<typeof resultSchema>;

const reportSchema = z.object({
  SchemaVersion: z.number(),
  CreatedAt: z.string().nullish(),
  Trivy: z.object({ Version: z.string().nullish() }).nullish(),
  Results: z.array(resultSchema).nullish(),
});

function toFinding(vulnerability: Vulnerability, result: Result): Finding {
  const finding: Finding = {
    id: vulnerability.VulnerabilityID,
    aliases: (vulnerability.VendorIDs ?? []).filter((id) => id !== vulnerability.VulnerabilityID),
    severity: severityFromWord(vulnerability.Severity),
    source: 'trivy',
  };
  if (vulnerability.PkgName) {
    finding.package = { name: vulnerability.PkgName };
    if (vulnerability.InstalledVersion) finding.package.version = vulnerability.InstalledVersion;
    if (result.Type) finding.package.ecosystem = result.Type;
  }
  if (vulnerability.FixedVersion) finding.fixedVersion = vulnerability.FixedVersion;
  if (vulnerability.Title) finding.title = vulnerability.Title;
  if (vulnerability.PrimaryURL) finding.url = vulnerability.PrimaryURL;
  return finding;
}

function readResults(results: Result[], notes: string[]): Finding[] {
  const findings: Finding[] = [];
  let misconfigurations = 0;
  let secrets = 0;
  results.forEach((result, resultIndex) => {
    for (const vulnerability of result.Vulnerabilities ?? []) findings.push(toFinding(vulnerability, result));
    (result.ExperimentalModifiedFindings ?? []).forEach((modified, modifiedIndex) => {
      if (modified.Type !== 'vulnerability') return;
      const where = `Results[${resultIndex}].ExperimentalModifiedFindings[${modifiedIndex}].Finding`;
      const parsed = vulnerabilitySchema.safeParse(modified.Finding);
      if (!parsed.success) throw new InvalidReportError(LABEL, 'a suppressed finding is not a vulnerability record', where);
      const finding = toFinding(parsed.data, result);
      const reason = [modified.Status, modified.Statement].filter(Boolean).join(': ');
      const source = modified.Source ? ` (${modified.Source})` : '';
      finding.suppressed = { by: 'report', justification: `${reason || 'suppressed by Trivy'}${source}` };
      findings.push(finding);
    });
    misconfigurations += result.Misconfigurations?.length ?? 0;
    secrets += result.Secrets?.length ?? 0;
  });
  if (misconfigurations > 0) notes.push(`${misconfigurations} misconfiguration(s) in the report are not vulnerabilities and were not counted.`);
  if (secrets > 0) notes.push(`${secrets} secret finding(s) in the report are not vulnerabilities and were not counted.`);
  return findings;
}

export function parseTrivy(value: unknown): ParsedReport {
  const notes: string[] = [];
  // Trivy before 0.20 wrote a bare array of results, without SchemaVersion.
  if (Array.isArray(value)) {
    const results = parseWith(z.array(resultSchema), value, LABEL);
    notes.push('Legacy Trivy output (before SchemaVersion 2); read as a list of results.');
    return buildReport({ format: 'trivy', tool: { name: 'Trivy' }, findings: readResults(results, notes), notes });
  }
  const report = parseWith(reportSchema, value, LABEL);
  if (report.SchemaVersion !== 2) {
    throw new InvalidReportError(LABEL, `SchemaVersion ${report.SchemaVersion} is not supported; donegate reads SchemaVersion 2`, 'SchemaVersion');
  }
  if (report.Results === null || report.Results === undefined) notes.push('Trivy wrote no Results: nothing was found to scan, or nothing was vulnerable.');
  const findings = readResults(report.Results ?? [], notes);
  const version = report.Trivy?.Version;
  return buildReport({
    format: 'trivy',
    tool: version ? { name: 'Trivy', version } : { name: 'Trivy' },
    findings,
    notes,
    ...(report.CreatedAt ? { generatedAt: report.CreatedAt } : {}),
  });
}
