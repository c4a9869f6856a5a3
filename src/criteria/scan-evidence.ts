import type { Confidence, DetectorKind } from '../scan/scan-types.js';

/** Formats pii-scan and secret-scan read; gitleaks and TruffleHog only for secret-scan. */
export type ScanEvidenceFormat = 'donegate-scan' | 'gitleaks-json' | 'gitleaks-sarif' | 'trufflehog-json' | 'dataset-manifest';

export const SCAN_FORMAT_LABELS: Record<ScanEvidenceFormat, string> = {
  'donegate-scan': 'a donegate scan report (donegate scan --format json)',
  'gitleaks-json': 'gitleaks JSON (--report-format json)',
  'gitleaks-sarif': 'gitleaks SARIF (--report-format sarif)',
  'trufflehog-json': 'TruffleHog v3 JSON Lines (--json)',
  'dataset-manifest': 'a dataset manifest (sha256sum output, or {"datasets": [{"path", "sha256"}]})',
};

/** A finding as stored with the evidence: masked value and fingerprint only, never the raw value. */
export interface StoredScanFinding {
  file: string;
  line: number;
  detector: string;
  kind: DetectorKind;
  masked: string;
  confidence: Confidence;
  fingerprint: string;
  /** Other ids a waiver may name (gitleaks' own Fingerprint). */
  aliases?: string[];
  /** A dataset column's finding (donegate scan): the column, and how many of its rows matched. */
  columnPath?: string;
  occurrences?: number;
}

/** `summary.scan` of a scan report record. */
export interface ScanEvidence {
  tool: string;
  /**
   * Set on everything read since fingerprints were keyed. Records stored before lack it: their sha256
   * fingerprints are keyed when judged, before a comment shows them.
   */
  fingerprints?: 'keyed';
  /** The findings of the criterion's kind, worst first, at most MAX_STORED_FINDINGS of them. */
  findings: StoredScanFinding[];
  /** How many findings of the criterion's kind the report had (more than `findings` when capped). */
  findingCount: number;
  /** Findings of the other kind, judged by the other criterion. */
  otherKindCount: number;
  baselined: number;
  /**
   * Findings of the criterion's kind the repository allowed (`donegate:allow`, `.donegateignore`), at most
   * MAX_STORED_FINDINGS: where, which detector, fingerprint, how, who and why; never a value. Absent in
   * records of reports without allow-lists.
   */
  allowed?: Array<{ file: string; line: number; detector: string; kind: DetectorKind; fingerprint: string; via: 'inline' | '.donegateignore'; reason?: string; by?: string }>;
  /** How many the report allowed (more than `allowed` when capped). */
  allowedCount?: number;
  /** sha256 of each custom rules config the scan ran (`donegate scan --config`). */
  customRules?: string[];
  /** Files the report scanned, for dataset coverage. Empty for gitleaks (it lists no files). */
  files: Array<{ file: string; sha256: string; skipped?: string }>;
}

/** `summary.datasets` of a dataset manifest record. */
export interface DatasetManifest {
  files: Array<{ path: string; sha256: string }>;
}

/** A dataset file a scan must cover: by path, and by content too when its sha256 is given. */
export interface DatasetFile {
  path: string;
  sha256?: string;
}

/** A record's summary holds a whole report; past this many findings only the count is kept. */
export const MAX_STORED_FINDINGS = 1000;

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/** Worst first: confidence, then secrets before PII, then file and line. */
export function worstFirst(a: StoredScanFinding, b: StoredScanFinding): number {
  return (
    CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence] ||
    (a.kind === b.kind ? 0 : a.kind === 'secret' ? -1 : 1) ||
    a.file.localeCompare(b.file) ||
    a.line - b.line
  );
}

/**
 * `data/users.csv:3 email j***@e***.com (fingerprint 1a2b3c4d5e6f)`: enough to find it and to waive it. A
 * dataset column's finding names the column and its rows: `… j***@e***.com in 10000 rows of column email (…)`.
 */
export function describeScanFinding(finding: StoredScanFinding): string {
  const rows = finding.occurrences ?? 1;
  const column = finding.columnPath === undefined ? '' : ` in ${rows} row${rows === 1 ? '' : 's'} of column ${finding.columnPath}`;
  return `${finding.file}:${finding.line} ${finding.detector} ${finding.masked}${column} (fingerprint ${finding.fingerprint.slice(0, 12)})`;
}
