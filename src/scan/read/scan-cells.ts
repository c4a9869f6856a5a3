import type { Detector } from '../detectors/detector.js';
import { isPiiColumnName } from '../detectors/pii-column-name.js';
import { findCandidates } from '../find-candidates.js';
import type { FingerprintKey } from '../fingerprint.js';
import { findingFingerprint } from '../fingerprint.js';
import { validateCandidates } from '../match-line.js';
import type { ScanFinding } from '../scan-types.js';
import { createColumnFindings, type ColumnFindings } from './column-findings.js';
import { isEmptyValue, namedColumnMatch } from './named-column-value.js';
import { codePointLength } from './read-segments.js';

/** One value of a dataset record (a JSONL field, a Parquet cell), with the column it belongs to. */
export interface Cell {
  text: string;
  /** Column path: `email`, `user.contact.email`, `tags[]`. */
  path: string;
  /** 1-based data row. */
  row: number;
  /** 1-based line the row is on (for Parquet, the row). */
  line: number;
  /** The raw line the value came from, to place the first match of a column; absent for Parquet. */
  source?: string;
}

export interface CellScanner {
  /** Scans a batch of cells; returns the findings to emit now (only past the column bound). */
  scan(cells: readonly Cell[]): ScanFinding[];
  /** The column findings, once the file is read. */
  finish(): ScanFinding[];
}

/** Longest piece of one value the detectors see at once; longer values are cut into overlapping pieces. */
const PIECE = 1 << 16;
const OVERLAP = 1 << 10;
/** Cuts an over-long value into overlapping pieces, so nothing is missed at a cut and memory stays bounded. */
function piecesOf(cell: Cell): Cell[] {
  if (cell.text.length <= PIECE) return [cell];
  const pieces: Cell[] = [];
  for (let start = 0; start < cell.text.length; start += PIECE - OVERLAP) {
    pieces.push({ ...cell, text: cell.text.slice(start, start + PIECE) });
    if (start + PIECE >= cell.text.length) break;
  }
  return pieces;
}

/** Where `value` first stands in `source`, in 1-based code points; column 1 when it is not there verbatim (JSON escapes). */
function placeIn(source: string | undefined, value: string): { column: number; endColumn: number } {
  const at = source === undefined ? -1 : source.indexOf(value);
  const column = at === -1 ? 1 : codePointLength(source!.slice(0, at)) + 1;
  return { column, endColumn: column + codePointLength(value) };
}

/**
 * Runs the detectors over dataset values and reports each column once per detector (see
 * `createColumnFindings`). A value in a column whose name says PII that no detector matched (a name under
 * `full_name`, a date under `dob`) counts for the `pii-column-name` detector, when it is in `detectors`.
 */
export function createCellScanner(file: string, detectors: readonly Detector[], key: FingerprintKey, columns: ColumnFindings = createColumnFindings(file, key)): CellScanner {
  const byName = detectors.find((detector) => detector.id === 'pii-column-name');
  const piiNamed = new Map<string, boolean>();
  const isPiiNamed = (path: string): boolean => {
    let named = piiNamed.get(path);
    if (named === undefined) {
      named = isPiiColumnName(path);
      // Paths are data in JSONL: the memo is cleared rather than grown without bound.
      if (piiNamed.size >= 10_000) piiNamed.clear();
      piiNamed.set(path, named);
    }
    return named;
  };

  return {
    scan(batch) {
      if (batch.length === 0) return [];
      const cells = batch.some((cell) => cell.text.length > PIECE) ? batch.flatMap(piecesOf) : batch;
      const candidates = findCandidates(cells.map((cell) => cell.text), detectors);
      const now: ScanFinding[] = [];
      const add = (path: string, finding: ScanFinding | undefined) => finding && now.push(finding);
      for (let index = 0; index < cells.length; index++) {
        const cell = cells[index]!;
        const found = candidates[index];
        const matches = found === undefined ? [] : validateCandidates(cell.text, found, () => cell.path);
        for (const { detector, value, confidence } of matches) {
          const single = (): ScanFinding => ({
            file,
            line: cell.line,
            ...placeIn(cell.source, value),
            detector: detector.id,
            kind: detector.kind,
            masked: detector.mask(value),
            confidence,
            fingerprint: findingFingerprint(key, detector.id, file, value),
            location: `row ${cell.row} column ${cell.path}`,
          });
          add(cell.path, columns.add(cell.path, { detector, confidence, row: cell.row, single }));
        }
        if (matches.length > 0 || byName === undefined || isEmptyValue(cell.text) || !isPiiNamed(cell.path)) continue;
        const { column } = placeIn(cell.source, cell.text.trim().slice(0, 64));
        add(cell.path, columns.add(cell.path, namedColumnMatch(byName, { file, key, path: cell.path, row: cell.row, line: cell.line, column, text: cell.text })));
      }
      return now;
    },
    finish: () => columns.finish(),
  };
}
