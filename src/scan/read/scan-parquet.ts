import type { FileHandle } from 'node:fs/promises';
import { isPiiColumnName } from '../detectors/pii-column-name.js';
import { createCellScanner, type Cell } from './scan-cells.js';
import { createProgress, type DatasetEvent, type DatasetScan } from './dataset-context.js';
import { flattenRecord } from './flatten-record.js';
import { openParquet } from './parquet-rows.js';
import type { ParquetLimits } from './parquet-limits.js';

/** Rows flattened and scanned together: bounds the cells held at once. */
const ROWS_PER_BATCH = 4096;

/** Physical types that hold text or bytes. */
const TEXT_TYPES = new Set(['BYTE_ARRAY', 'FIXED_LEN_BYTE_ARRAY']);

/**
 * Scans a Parquet file: string and binary columns, and columns of any type whose name says PII (a `dob`
 * date, a `phone` integer), row group by row group and column by column, so one column chunk at most is
 * in memory. Structs and lists are flattened to dotted paths (`user.contact.email`, `tags[]`) and each
 * column is reported once per detector with a count of rows; `line` is the 1-based row.
 */
export async function* scanParquet(handle: FileHandle, size: number, limits: ParquetLimits, scan: DatasetScan): AsyncGenerator<DatasetEvent> {
  const { file, detectors, fingerprintKey } = scan;
  const byName = detectors.some((detector) => detector.id === 'pii-column-name');
  const source = await openParquet(handle, size, limits, (leaf) => TEXT_TYPES.has(leaf.element.type ?? '') || (byName && leaf.path.some(isPiiColumnName)));
  const cells = createCellScanner(file, detectors, fingerprintKey);
  const progress = createProgress(file, scan.progressEvery, source.bytesRead);
  for await (const { column, firstRow, values } of source.rows()) {
    for (let from = 0; from < values.length; from += ROWS_PER_BATCH) {
      const batch: Cell[] = [];
      for (let index = from; index < Math.min(values.length, from + ROWS_PER_BATCH); index++) {
        const value = values[index];
        const row = firstRow + index + 1;
        // Plain strings, most cells, skip the walk through nested values.
        if (typeof value === 'string') batch.push({ text: value, path: column, row, line: row });
        else for (const { path, text } of flattenRecord({ [column]: value })) batch.push({ text, path, row, line: row });
      }
      for (const finding of cells.scan(batch)) yield { type: 'finding', finding };
    }
    const event = progress();
    if (event) yield event;
  }
  for (const finding of cells.finish()) yield { type: 'finding', finding };
}
