import { z } from 'zod';
import { buildReport, type Finding, type ParsedReport } from '../finding.js';
import { severityFromWord } from '../severity.js';
import { parseWith } from '../zod-issues.js';

const LABEL = 'npm audit report version 1 (npm 6, pnpm audit --json, yarn audit --json)';

/**
 * One advisory of the version 1 report, keyed by its id in `advisories`. npm 6 wrote it, and
 * `pnpm audit --json` still does (pnpm's audit types: module_name, severity, github_advisory_id, cves,
 * vulnerable_versions, patched_versions, findings[].version/paths).
 */
const advisorySchema = z.object({
  id: z.union([z.number(), z.string()]).nullish(),
  module_name: z.string().min(1),
  severity: z.string(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  github_advisory_id: z.string().nullish(),
  cves: z.array(z.string()).nullish(),
  patched_versions: z.string().nullish(),
  findings: z.array(z.object({ version: z.string().nullish() })).nullish(),
});

const reportSchema = z.object({ advisories: z.record(z.string(), advisorySchema) });

const GHSA = /GHSA(?:-[0-9a-z]{4}){3}/i;

/** `>=4.17.21` names the first fixed version; a range with an upper bound or an `||` does not. */
function firstFixedVersion(patched: string | null | undefined): string | undefined {
  const match = patched ? /^>=\s*(\d[\w.+-]*)$/.exec(patched.trim()) : null;
  return match?.[1];
}

/** The version 1 shape: one finding per advisory, as npm 6, pnpm and Yarn count them. */
export function parseNpmAuditV1(value: unknown, toolName = 'npm audit (report version 1)'): ParsedReport {
  const report = parseWith(reportSchema, value, LABEL);
  const notes: string[] = [];
  const findings: Finding[] = Object.entries(report.advisories).map(([key, advisory]) => {
    const ghsa = advisory.github_advisory_id ?? (advisory.url ? GHSA.exec(advisory.url)?.[0] : undefined);
    const id = ghsa ?? `npm-advisory-${advisory.id ?? key}`;
    const severity = severityFromWord(advisory.severity);
    if (severity === 'unknown') notes.push(`${advisory.module_name}: severity "${advisory.severity}" is not one npm documents`);
    const version = advisory.findings?.find((found) => found.version)?.version;
    const fixed = firstFixedVersion(advisory.patched_versions);
    return {
      id,
      aliases: [...new Set(advisory.cves ?? [])].filter((alias) => alias !== id),
      package: { name: advisory.module_name, ecosystem: 'npm', ...(version ? { version } : {}) },
      severity,
      source: 'npm-audit',
      ...(advisory.title ? { title: advisory.title } : {}),
      ...(advisory.url ? { url: advisory.url } : {}),
      ...(fixed ? { fixedVersion: fixed } : {}),
    } satisfies Finding;
  });
  return buildReport({ format: 'npm-audit', tool: { name: toolName }, findings, notes });
}
