import { pathToFileURL } from 'node:url';
import type { ScanFinding, ScanReport } from '../scan/scan-types.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * The `partialFingerprints` key. v1 held unkeyed sha256 fingerprints, v2 keyed ones: a new name, so code
 * scanning tools that track results by fingerprint see a new series instead of mismatched old ones.
 */
export const SARIF_FINGERPRINT_KEY = 'donegate/v2';

type Level = 'error' | 'warning';

/** Secrets always block; PII blocks when the detector validated it (checksum, format rules). */
export function sarifLevel(finding: Pick<ScanFinding, 'kind' | 'confidence'>): Level {
  return finding.kind === 'secret' || finding.confidence === 'high' ? 'error' : 'warning';
}

/** A SARIF `uri`: relative paths stay relative (percent-encoded per segment), absolute ones become file URLs. */
function toUri(file: string): string {
  if (file.startsWith('/')) return pathToFileURL(file).href;
  return file.split('/').map(encodeURIComponent).join('/');
}

/** ` in 10000 rows of column email` for a dataset column's finding, else nothing. */
const inColumn = ({ columnPath, occurrences }: Pick<ScanFinding, 'columnPath' | 'occurrences'>): string =>
  columnPath === undefined ? '' : ` in ${occurrences ?? 1} row${occurrences === 1 ? '' : 's'} of column ${columnPath}`;

/**
 * The report as SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/): one run, a rule per
 * detector, a result per finding. Columns are 1-based and count code points, which SARIF calls
 * `unicodeCodePoints` (its default is UTF-16 code units), so the run says so. The message carries only
 * the masked value.
 */
export function formatSarifReport(report: ScanReport): string {
  const allowed = report.allowed ?? [];
  const detectors = [...new Map([...report.findings, ...allowed].map((f) => [f.detector, f.kind])).entries()].sort(([a], [b]) => a.localeCompare(b));
  const ruleIndex = new Map(detectors.map(([id], index) => [id, index]));
  const rules = detectors.map(([id, kind]) => ({
    id,
    name: id,
    shortDescription: { text: kind === 'secret' ? `Hardcoded secret: ${id}` : `Personal data: ${id}` },
    defaultConfiguration: { level: kind === 'secret' ? 'error' : 'warning' },
    properties: { kind },
  }));
  const results = report.findings.map((finding) => ({
    ruleId: finding.detector,
    ruleIndex: ruleIndex.get(finding.detector),
    level: sarifLevel(finding),
    message: { text: `${finding.kind === 'secret' ? 'Secret' : 'Personal data'} (${finding.detector}): ${finding.masked}${inColumn(finding)}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(finding.file) },
          region: { startLine: finding.line, startColumn: finding.column, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
    properties: {
      kind: finding.kind,
      confidence: finding.confidence,
      masked: finding.masked,
      ...(finding.location !== undefined ? { location: finding.location } : {}),
      ...(finding.columnPath !== undefined ? { columnPath: finding.columnPath } : {}),
      ...(finding.occurrences !== undefined ? { occurrences: finding.occurrences } : {}),
    },
  }));
  // An allowed finding is a suppressed result (SARIF §3.35): shown to reviewers, with who and why, never its value.
  const suppressed = allowed.map((a) => ({
    ruleId: a.detector,
    ruleIndex: ruleIndex.get(a.detector),
    level: a.kind === 'secret' ? 'error' : 'warning',
    message: { text: `Allowed ${a.kind === 'secret' ? 'secret' : 'personal data'} (${a.detector}): ${a.reason ?? 'no reason given'}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(a.file) }, region: { startLine: a.line, startColumn: a.column } } }],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: a.fingerprint },
    suppressions: [
      {
        kind: a.via === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        ...(a.reason !== undefined ? { justification: a.reason } : {}),
        properties: { via: a.via, ...(a.by !== undefined ? { by: a.by } : {}), ...(a.source !== undefined ? { source: a.source } : {}) },
      },
    ],
    properties: { kind: a.kind },
  }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, informationUri: 'https://github.com/donegate/donegate', rules } },
        columnKind: 'unicodeCodePoints',
        artifacts: report.files.map((f) => ({ location: { uri: toUri(f.file) }, length: f.size, hashes: { 'sha-256': f.sha256 } })),
        results: [...results, ...suppressed],
        properties: {
          rulesSha256: report.tool.rulesSha256,
          generatedAt: report.generatedAt,
          ...(report.fingerprints ? { fingerprints: { scheme: report.fingerprints.scheme, keyId: report.fingerprints.keyId } } : {}),
          baselined: report.baselined,
          ...(report.customRules ? { customRules: report.customRules } : {}),
          ...(report.warnings ? { warnings: report.warnings } : {}),
          summary: report.summary,
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
