import type { Detector } from '../detectors/detector.js';
import { findingFingerprint, type FingerprintKey } from '../fingerprint.js';
import type { Confidence, ScanFinding } from '../scan-types.js';

/** What the column collector needs of one match: the rest is made only for a column's first match. */
export interface ColumnMatch {
  detector: Detector;
  confidence: Confidence;
  /** 1-based data row. */
  row: number;
  /** The match as a finding of its own (value fingerprint, place, masked value). Holds no raw value. */
  single: () => ScanFinding;
}

export interface ColumnFindings {
  /**
   * Counts a match in `columnPath`. Returns a finding to emit at once only when the file has more distinct
   * (column, detector) pairs than the bound, so memory stays bounded whatever the keys; else undefined.
   */
  add(columnPath: string, match: ColumnMatch): ScanFinding | undefined;
  /** One finding per (column, detector), by the place of its first match. */
  finish(): ScanFinding[];
}

const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/** Most (column, detector) pairs kept per file: JSONL keys are data, and a file may hold millions of them. */
export const MAX_COLUMN_FINDINGS = 10_000;

/**
 * Keyed over detector, file and column path, so the column keeps its fingerprint as rows come and go.
 * The `\0column\0` part keeps it apart from a value's fingerprint (values never hold `\0`).
 */
export const columnFingerprint = (key: FingerprintKey, detector: string, file: string, columnPath: string): string =>
  findingFingerprint(key, detector, file, `\0column\0${columnPath}`);

/**
 * Collects a dataset's matches into one finding per column and detector: the first match gives the place
 * and the masked sample, later ones only raise the count of rows (a row with two matches counts once)
 * and the confidence.
 */
export function createColumnFindings(file: string, key: FingerprintKey, maxColumns = MAX_COLUMN_FINDINGS): ColumnFindings {
  const columns = new Map<string, { finding: ScanFinding; lastRow: number }>();
  return {
    add(columnPath, match) {
      const id = `${match.detector.id}\0${columnPath}`;
      const seen = columns.get(id);
      if (seen) {
        if (seen.lastRow !== match.row) {
          seen.lastRow = match.row;
          seen.finding.occurrences = (seen.finding.occurrences ?? 0) + 1;
        }
        if (RANK[match.confidence] > RANK[seen.finding.confidence]) seen.finding.confidence = match.confidence;
        return undefined;
      }
      const single = match.single();
      if (columns.size >= maxColumns) return single;
      const finding: ScanFinding = {
        ...single,
        confidence: match.confidence,
        fingerprint: columnFingerprint(key, match.detector.id, file, columnPath),
        location: `row ${match.row} column ${columnPath}`,
        columnPath,
        occurrences: 1,
      };
      columns.set(id, { finding, lastRow: match.row });
      return undefined;
    },
    finish() {
      return [...columns.values()].map(({ finding }) => finding).sort((a, b) => a.line - b.line || a.column - b.column);
    },
  };
}
