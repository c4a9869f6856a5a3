import { z } from 'zod';
import { buildReport, type Finding, type ParsedReport } from '../finding.js';
import { FORMAT_LABELS } from '../report-format.js';
import { severityFromWord } from '../severity.js';
import { parseWith } from '../zod-issues.js';

const LABEL = FORMAT_LABELS.grype;

/** `grype -o json` (grype/presenter/models/document.go): matches, and ignoredMatches when ignore rules hit. */
const matchSchema = z.object({
  vulnerability: z.object({
    id: z.string().min(1),
    severity: z.string().nullish(),
    dataSource: z.string().nullish(),
    urls: z.array(z.string()).nullish(),
    description: z.string().nullish(),
    fix: z.object({ versions: z.array(z.string()).nullish(), state: z.string().nullish() }).nullish(),
  }),
  relatedVulnerabilities: z.array(z.object({ id: z.string() })).nullish(),
  artifact: z.object({ name: z.string(), version: z.string().nullish(), type: z.string().nullish() }),
});
type Match = z.infer<typeof matchSchema>;

const ignoredSchema = matchSchema.extend({
  appliedIgnoreRules: z.array(z.object({ reason: z.string().nullish(), 'vex-status': z.string().nullish(), 'vex-justification': z.string().nullish() })).nullish(),
});

const documentSchema = z.object({
  matches: z.array(matchSchema),
  ignoredMatches: z.array(ignoredSchema).nullish(),
  descriptor: z.object({ name: z.string().nullish(), version: z.string().nullish(), timestamp: z.string().nullish() }).nullish(),
});

function toFinding(match: Match): Finding {
  const { vulnerability, artifact } = match;
  const aliases = [...new Set((match.relatedVulnerabilities ?? []).map((related) => related.id))].filter((id) => id !== vulnerability.id);
  const finding: Finding = {
    id: vulnerability.id,
    aliases,
    package: { name: artifact.name },
    severity: severityFromWord(vulnerability.severity),
    source: 'grype',
  };
  if (artifact.version) finding.package = { name: artifact.name, version: artifact.version };
  if (artifact.type && finding.package) finding.package.ecosystem = artifact.type;
  const fixed = vulnerability.fix?.state === 'fixed' ? vulnerability.fix.versions?.[0] : undefined;
  if (fixed) finding.fixedVersion = fixed;
  const url = vulnerability.dataSource || vulnerability.urls?.[0];
  if (url) finding.url = url;
  return finding;
}

export function parseGrype(value: unknown): ParsedReport {
  const document = parseWith(documentSchema, value, LABEL);
  const findings = document.matches.map(toFinding);
  for (const ignored of document.ignoredMatches ?? []) {
    const rules = ignored.appliedIgnoreRules ?? [];
    const reasons = rules.map((rule) => rule.reason || rule['vex-justification'] || rule['vex-status']).filter((reason): reason is string => Boolean(reason));
    const finding = toFinding(ignored);
    finding.suppressed = { by: 'report', justification: reasons.length > 0 ? `grype ignore rule: ${reasons.join('; ')}` : 'grype ignore rule' };
    findings.push(finding);
  }
  const name = document.descriptor?.name || 'grype';
  const version = document.descriptor?.version;
  const timestamp = document.descriptor?.timestamp;
  return buildReport({
    format: 'grype',
    tool: version ? { name, version } : { name },
    findings,
    notes: [],
    ...(timestamp ? { generatedAt: timestamp } : {}),
  });
}
