import { isYarnBerryLine, isYarnClassicLine } from './parsers/yarn-audit.js';
import type { ReportFormat } from './report-format.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/**
 * Which format a parsed JSON document is, judged by the keys each tool always writes — never by file
 * name, which uploaders choose freely. Order matters only where shapes could overlap; each test names a
 * key no other supported format uses at the top level.
 */
export function detectFormatOfValue(value: unknown): ReportFormat | undefined {
  if (Array.isArray(value)) return detectArray(value);
  if (!isRecord(value)) return undefined;

  // npm 7+ always writes auditReportVersion; npm 6 and pnpm write `advisories` with `actions` or `metadata`;
  // a failed audit writes `{ "error": { "code", "summary" } }`, recognised so the parser can say why it refuses.
  if (has(value, 'auditReportVersion')) return 'npm-audit';
  if (isRecord(value.advisories) && (has(value, 'actions') || has(value, 'metadata'))) return 'npm-audit';
  // A clean `yarn audit --json` is its summary line alone.
  if (value.type === 'auditSummary' && isRecord(value.data)) return 'npm-audit';
  if (isRecord(value.error) && typeof value.error.code === 'string' && typeof value.error.summary === 'string') {
    return 'npm-audit';
  }

  if (has(value, 'runs') || (typeof value.$schema === 'string' && /sarif/i.test(value.$schema))) return 'sarif';
  if (has(value, 'SchemaVersion') && (has(value, 'Results') || has(value, 'ArtifactName'))) return 'trivy';
  if (value.bomFormat === 'CycloneDX') return 'cyclonedx-vex';
  if (typeof value['@context'] === 'string' && value['@context'].startsWith('https://openvex.dev/ns')) return 'openvex';
  if (Array.isArray(value.matches) && (has(value, 'descriptor') || has(value, 'source') || has(value, 'ignoredMatches'))) {
    return 'grype';
  }
  if (Array.isArray(value.results) && (has(value, 'experimental_config') || value.results.some(isOsvResult))) {
    return 'osv-scanner';
  }
  if (Array.isArray(value.dependencies) && (has(value, 'fixes') || value.dependencies.some(isPipAuditDependency))) {
    return 'pip-audit';
  }
  if (isSnykProject(value)) return 'snyk';
  // `snyk test --json` that failed: `{ "ok": false, "error": "…", "path": "…" }`.
  if (value.ok === false && typeof value.error === 'string' && has(value, 'path')) return 'snyk';
  return undefined;
}

function isOsvResult(entry: unknown): boolean {
  return isRecord(entry) && isRecord(entry.source) && has(entry, 'packages');
}

/** npm audit v2 also has `vulnerabilities`, but as an object keyed by package; Snyk's is an array. */
function isSnykProject(entry: unknown): boolean {
  return isRecord(entry) && Array.isArray(entry.vulnerabilities) && typeof entry.ok === 'boolean' && (has(entry, 'packageManager') || has(entry, 'dependencyCount'));
}

function isPipAuditDependency(entry: unknown): boolean {
  return isRecord(entry) && typeof entry.name === 'string' && (Array.isArray(entry.vulns) || has(entry, 'skip_reason'));
}

/** pip-audit before 2.0 wrote a bare array of dependencies; Trivy before 0.20 a bare array of results. */
function detectArray(value: unknown[]): ReportFormat | undefined {
  const first = value[0];
  // JSON Lines from `yarn audit --json` (Yarn 1) or `yarn npm audit --json` (Yarn 2+).
  if (value.some(isYarnClassicLine) || isYarnBerryLine(first)) return 'npm-audit';
  // `snyk test --all-projects --json`: one project object per manifest.
  if (value.length > 0 && value.every(isSnykProject)) return 'snyk';
  if (isPipAuditDependency(first)) return 'pip-audit';
  if (isRecord(first) && typeof first.Target === 'string') return 'trivy';
  return undefined;
}
