import type { FingerprintKey } from '../scan/fingerprint.js';
import type { DetectorKind } from '../scan/scan-types.js';
import { readJsonLines } from '../evidence/reports/index.js';
import { looksLikeScanReport } from '../scan-report/index.js';
import type { ParsedEvidence } from './criterion.js';
import { describeScanFinding, type DatasetManifest, type ScanEvidence, type ScanEvidenceFormat } from './scan-evidence.js';
import { readDonegateScan } from './scan-read-donegate.js';
import { readGitleaksJson, readGitleaksSarif } from './scan-read-gitleaks.js';
import { readJsonManifest, readSha256sum } from './scan-read-manifest.js';
import { isTruffleHogResult, readTruffleHog } from './scan-read-trufflehog.js';
import { UnrecognisedScanReportError } from './scan-unrecognised-error.js';

export const WORST_SHOWN = 5;

export interface ScanCriterionSpec {
  criterion: string;
  kind: DetectorKind;
  formats: readonly ScanEvidenceFormat[];
}

export interface ScanEvidenceDeps {
  /** Keys the fingerprints of findings read from other tools' reports (the installation's key in the service). */
  fingerprintKey?: FingerprintKey;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function findingsNoun(kind: DetectorKind, n: number): string {
  return kind === 'pii' ? plural(n, 'PII finding', 'PII findings') : plural(n, 'secret', 'secrets');
}

function detect(document: unknown): ScanEvidenceFormat | undefined {
  if (looksLikeScanReport(document)) return 'donegate-scan';
  if (isTruffleHogResult(document)) return 'trufflehog-json';
  if (Array.isArray(document) && document.length > 0 && document.every(isTruffleHogResult)) return 'trufflehog-json';
  if (Array.isArray(document) && document.every((item) => typeof item === 'object' && item !== null && 'RuleID' in item)) return 'gitleaks-json';
  const sarif = document as { version?: unknown; runs?: Array<{ tool?: { driver?: { name?: unknown } } }> };
  if (sarif?.version === '2.1.0' && String(sarif.runs?.[0]?.tool?.driver?.name ?? '').toLowerCase() === 'gitleaks') return 'gitleaks-sarif';
  if (typeof document === 'object' && document !== null && 'datasets' in document) return 'dataset-manifest';
  return undefined;
}

function scanParsed(scan: ScanEvidence, format: ScanEvidenceFormat, kind: DetectorKind): ParsedEvidence {
  const files = scan.files.length > 0 ? ` in ${plural(scan.files.length, 'file', 'files')}` : '';
  const notes = [
    ...(scan.baselined > 0 ? [`${scan.baselined} accepted by the scan's baseline`] : []),
    ...((scan.allowedCount ?? 0) > 0 ? [`${scan.allowedCount} allowed in the repository (donegate:allow, .donegateignore)`] : []),
    ...(scan.otherKindCount > 0 ? [`${findingsNoun(kind === 'pii' ? 'secret' : 'pii', scan.otherKindCount)} left to ${kind === 'pii' ? 'secret-scan' : 'pii-scan'}`] : []),
  ];
  const more = scan.findingCount - Math.min(scan.findingCount, WORST_SHOWN);
  return {
    outcome: scan.findingCount > 0 ? 'fail' : 'pass',
    format,
    summary: {
      kind: 'scan-report',
      text: `${scan.tool}: ${findingsNoun(kind, scan.findingCount)}${files}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`,
      details: [...scan.findings.slice(0, WORST_SHOWN).map(describeScanFinding), ...(more > 0 ? [`…and ${more} more`] : [])],
      scan: { ...scan, fingerprints: 'keyed' },
    },
  };
}

function manifestParsed(datasets: DatasetManifest): ParsedEvidence {
  return {
    outcome: 'pass',
    format: 'dataset-manifest',
    summary: { kind: 'dataset-manifest', text: `dataset manifest: ${plural(datasets.files.length, 'file', 'files')} the scan must cover`, details: datasets.files.slice(0, WORST_SHOWN).map((f) => f.path), datasets },
  };
}

/**
 * Read an upload for pii-scan or secret-scan: a donegate scan report, gitleaks JSON or SARIF or
 * TruffleHog JSON Lines (secret-scan), or a dataset manifest. Raw values in third-party reports are masked here and dropped,
 * so neither the stored summary nor any message holds one.
 */
export function parseScanEvidence(bytes: Buffer, format: string | undefined, spec: ScanCriterionSpec, key: FingerprintKey): ParsedEvidence {
  const unrecognised = (reason: string) => new UnrecognisedScanReportError(spec.criterion, reason, spec.formats);
  if (format !== undefined && !(spec.formats as readonly string[]).includes(format)) throw unrecognised(`unknown format "${format}" was named`);
  const text = bytes.toString('utf8');
  // A TruffleHog run that found nothing writes nothing; named explicitly, an empty file is that clean run.
  if (format === 'trufflehog-json' && text.trim() === '') return scanParsed(readTruffleHog([], key), format, spec.kind);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const lines = readJsonLines(text);
    if (lines && lines.every(isTruffleHogResult)) document = lines;
  }
  if (document === undefined) {
    const sums = spec.formats.includes('dataset-manifest') && (format === undefined || format === 'dataset-manifest') ? readSha256sum(text) : undefined;
    if (sums) return manifestParsed(sums);
    throw unrecognised('the file is not JSON');
  }
  const detected = (format as ScanEvidenceFormat | undefined) ?? detect(document);
  if (detected === undefined) throw unrecognised('it is not a report of a kind this criterion reads');
  if (!spec.formats.includes(detected)) throw unrecognised(`a ${detected} report is not evidence for ${spec.criterion}`);
  switch (detected) {
    case 'donegate-scan':
      return scanParsed(readDonegateScan(document, spec.kind, key), detected, spec.kind);
    case 'gitleaks-json':
      if (!Array.isArray(document)) throw unrecognised('gitleaks JSON is an array of findings');
      return scanParsed(readGitleaksJson(document, key), detected, spec.kind);
    case 'gitleaks-sarif': {
      const results = (document as { runs?: Array<{ results?: unknown }> }).runs?.[0]?.results ?? [];
      if (!Array.isArray(results)) throw unrecognised('runs[0].results is not an array');
      return scanParsed(readGitleaksSarif(results, key), detected, spec.kind);
    }
    case 'trufflehog-json':
      return scanParsed(readTruffleHog(Array.isArray(document) ? document : [document], key), detected, spec.kind);
    case 'dataset-manifest':
      return manifestParsed(readJsonManifest(document));
  }
}
