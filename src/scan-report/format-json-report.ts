import { allowedFinding } from '../scan/allow/allowed-finding.js';
import type { AllowedFinding, ScanReport } from '../scan/scan-types.js';

/** An allowed finding, field by field: it never had a value, and nothing else slips in. */
const allowedFields = (allowed: AllowedFinding): AllowedFinding => allowedFinding(allowed, allowed.via, allowed);

const selectionOf = ({ gitignore, include, exclude, since, skipped }: NonNullable<ScanReport['selection']>): NonNullable<ScanReport['selection']> => ({
  gitignore,
  include,
  exclude,
  ...(since !== undefined ? { since } : {}),
  skipped,
});

/**
 * The report as JSON, field by field from the contract, so nothing the scanner might add later (a raw
 * value in a debug field, say) is printed unless it is named here.
 */
export function formatJsonReport(report: ScanReport): string {
  const document: ScanReport = {
    tool: { name: report.tool.name, version: report.tool.version, rulesSha256: report.tool.rulesSha256 },
    generatedAt: report.generatedAt,
    ...(report.fingerprints ? { fingerprints: { scheme: report.fingerprints.scheme, keyId: report.fingerprints.keyId } } : {}),
    files: report.files.map(({ file, sha256, size, skipped }) => ({ file, sha256, size, ...(skipped !== undefined ? { skipped } : {}) })),
    findings: report.findings.map(({ file, line, column, endColumn, detector, kind, masked, confidence, fingerprint, location, columnPath, occurrences }) => ({
      file,
      line,
      column,
      endColumn,
      detector,
      kind,
      masked,
      confidence,
      fingerprint,
      ...(location !== undefined ? { location } : {}),
      ...(columnPath !== undefined ? { columnPath } : {}),
      ...(occurrences !== undefined ? { occurrences } : {}),
    })),
    baselined: report.baselined,
    ...(report.allowed ? { allowed: report.allowed.map((allowed) => allowedFields(allowed)) } : {}),
    ...(report.customRules ? { customRules: report.customRules.map(({ source, sha256, rules }) => ({ source, sha256, rules })) } : {}),
    ...(report.warnings ? { warnings: [...report.warnings] } : {}),
    summary: report.summary,
    ...(report.selection ? { selection: selectionOf(report.selection) } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
