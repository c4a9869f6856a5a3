import { z } from 'zod';
import { buildReport, type Finding, type ParsedReport } from '../finding.js';
import { InvalidReportError } from '../report-errors.js';
import { FORMAT_LABELS } from '../report-format.js';
import { severityFromWord, severityRank, type Severity } from '../severity.js';
import { parseWith } from '../zod-issues.js';
import { parseNpmAuditV1 } from './npm-audit-v1.js';
import { isYarnBerryLine, isYarnClassicLine, yarnBerryToV1, yarnClassicToV1 } from './yarn-audit.js';

const LABEL = FORMAT_LABELS['npm-audit'];

/**
 * A `via` entry is either the name of another vulnerable package (the dependency that makes this one
 * vulnerable) or an advisory. npm 7/8 fixtures write `id` and `vulnerable_versions`; current npm writes
 * `source`, `name`, `dependency`, `range`, `cvss`. See npm/npm-audit-report and @npmcli/arborist's
 * audit-report.js.
 */
const advisorySchema = z.object({
  source: z.number().nullish(),
  id: z.number().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  severity: z.string().nullish(),
  range: z.string().nullish(),
  vulnerable_versions: z.string().nullish(),
});
type Advisory = z.infer<typeof advisorySchema>;

const vulnerabilitySchema = z.object({
  name: z.string().min(1),
  severity: z.string(),
  via: z.array(z.union([z.string(), advisorySchema])),
  range: z.string().nullish(),
  fixAvailable: z.union([z.boolean(), z.object({ name: z.string(), version: z.string() })]).nullish(),
});

const reportSchema = z.object({
  auditReportVersion: z.literal(2, { error: 'auditReportVersion must be 2 (npm 7 or later)' }),
  vulnerabilities: z.record(z.string(), vulnerabilitySchema),
});

const npmErrorSchema = z.object({ error: z.object({ code: z.string(), summary: z.string(), detail: z.string().nullish() }) });

function advisoryId(advisory: Advisory): string {
  const ghsa = advisory.url ? /GHSA(?:-[0-9a-z]{4}){3}/i.exec(advisory.url) : null;
  if (ghsa) return ghsa[0];
  const number = advisory.source ?? advisory.id;
  if (number !== null && number !== undefined) return `npm-advisory-${number}`;
  return advisory.url ?? advisory.title ?? 'npm-advisory';
}

function bySeverityDesc(a: Advisory, b: Advisory): number {
  return severityRank(severityFromWord(b.severity)) - severityRank(severityFromWord(a.severity));
}

export function parseNpmAudit(value: unknown): ParsedReport {
  refuseFailedAudit(value);
  if (Array.isArray(value) && value.some(isYarnClassicLine)) return parseNpmAuditV1(yarnClassicToV1(value), 'yarn audit');
  if (Array.isArray(value) && isYarnBerryLine(value[0])) return parseNpmAuditV1(yarnBerryToV1(value), 'yarn npm audit');
  if (isYarnClassicLine(value)) return parseNpmAuditV1(yarnClassicToV1([value]), 'yarn audit');
  // npm 6 and `pnpm audit --json` write report version 1: `advisories` keyed by id, no auditReportVersion.
  if (typeof value === 'object' && value !== null && !Object.hasOwn(value, 'auditReportVersion') && Object.hasOwn(value, 'advisories')) {
    return parseNpmAuditV1(value);
  }
  const report = parseWith(reportSchema, value, LABEL);
  const entries = report.vulnerabilities;

  // Packages vulnerable only through a dependency name that package in `via`. Resolve those chains to the
  // advisories at their roots, memoised and cycle-safe, so deep trees (gatsby's) stay linear.
  const rootsMemo = new Map<string, Advisory[]>();
  const resolving = new Set<string>();
  const rootAdvisories = (name: string): Advisory[] => {
    const cached = rootsMemo.get(name);
    if (cached) return cached;
    const entry = entries[name];
    if (!entry || resolving.has(name)) return [];
    resolving.add(name);
    const seen = new Map<string, Advisory>();
    for (const via of entry.via) {
      const advisories = typeof via === 'string' ? rootAdvisories(via) : [via];
      for (const advisory of advisories) seen.set(advisoryId(advisory), advisory);
    }
    resolving.delete(name);
    const result = [...seen.values()];
    rootsMemo.set(name, result);
    return result;
  };

  const notes: string[] = [];
  const findings: Finding[] = [];
  // npm's metadata.vulnerabilities counts each vulnerable package once, at the package's severity; so do we.
  for (const [key, entry] of Object.entries(entries)) {
    const direct = entry.via.filter((via): via is Advisory => typeof via !== 'string');
    const viaNames = entry.via.filter((via): via is string => typeof via === 'string');
    const advisories = (direct.length > 0 ? direct : rootAdvisories(key)).slice().sort(bySeverityDesc);
    const ids = [...new Set(advisories.map(advisoryId))];
    const main = advisories[0];
    const severity: Severity = severityFromWord(entry.severity);
    if (severity === 'unknown') notes.push(`${entry.name}: npm severity "${entry.severity}" is not one npm documents`);
    const fix = entry.fixAvailable;
    const finding: Finding = {
      id: ids[0] ?? `npm:${entry.name}`,
      aliases: ids.slice(1),
      package: { name: entry.name, ecosystem: 'npm' },
      severity,
      source: 'npm-audit',
    };
    const title = direct.length > 0 ? main?.title : viaNames.length > 0 ? `vulnerable through ${viaNames.join(', ')}` : undefined;
    if (title) finding.title = title;
    if (main?.url) finding.url = main.url;
    if (typeof fix === 'object' && fix !== null && fix.name === entry.name) finding.fixedVersion = fix.version;
    findings.push(finding);
  }

  return buildReport({ format: 'npm-audit', tool: { name: 'npm audit' }, findings, notes });
}

/** A failed audit is recognisable; say exactly why it cannot be used. */
function refuseFailedAudit(value: unknown): void {
  const failed = npmErrorSchema.safeParse(value);
  if (failed.success) {
    const { code, summary } = failed.data.error;
    throw new InvalidReportError(LABEL, `npm audit did not produce a report but failed with ${code}: ${summary}`);
  }
}
