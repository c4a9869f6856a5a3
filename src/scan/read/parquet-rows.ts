import type { FileHandle } from 'node:fs/promises';
import { parquetMetadata, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaTree } from 'hyparquet';
import { boundedCompressors } from './parquet-compressors.js';
import { ParquetRefusedError, type ParquetLimits } from './parquet-limits.js';

const MAGIC = 0x31524150; // "PAR1", little-endian

/** One top-level column's values for a run of rows: `values[i]` is the value of row `firstRow + i` (a struct as an object, a list as an array). */
export interface ParquetRows {
  column: string;
  /** 0-based index of the first row in the file. */
  firstRow: number;
  values: unknown[];
}

export interface ParquetSource {
  /** Bytes read from the file so far. */
  bytesRead(): number;
  /** Row group by row group, the chosen top-level columns one at a time: at most one column chunk in memory. */
  rows(): AsyncGenerator<ParquetRows>;
}

const refuse = (why: string): never => {
  throw new ParquetRefusedError(`Parquet refused: ${why}`);
};

/** Reads `length` bytes at `position` into a fresh ArrayBuffer; a short read means the file changed or lied. */
async function readAt(handle: FileHandle, position: number, length: number): Promise<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  const { bytesRead } = await handle.read(bytes, 0, length, position);
  if (bytesRead !== length) refuse('the file is shorter than its metadata says');
  return bytes.buffer;
}

/** The footer, checked against the file size and the bound before it is read. */
async function readMetadata(handle: FileHandle, size: number, limits: ParquetLimits, count: (bytes: number) => void): Promise<{ metadata: FileMetaData; footerStart: number }> {
  if (size < 12) refuse('too short to be a Parquet file');
  const head = new DataView(await readAt(handle, 0, 4));
  const tail = new DataView(await readAt(handle, size - 8, 8));
  if (head.getUint32(0, true) !== MAGIC || tail.getUint32(4, true) !== MAGIC) refuse('no PAR1 magic at both ends (not Parquet, or encrypted)');
  const footerLength = tail.getUint32(0, true);
  if (footerLength > size - 12) refuse(`the footer declares ${footerLength} bytes, more than the file holds`);
  if (footerLength > limits.maxFooterBytes) refuse(`the footer declares ${footerLength} bytes, more than ${limits.maxFooterBytes}`);
  const footer = await readAt(handle, size - 8 - footerLength, footerLength + 8);
  count(footerLength + 12);
  try {
    return { metadata: parquetMetadata(footer), footerStart: size - 8 - footerLength };
  } catch {
    return refuse('the footer is damaged');
  }
}

/** Every column chunk must lie inside the data part of the file and within the bound. */
function checkChunks(metadata: FileMetaData, dataEnd: number, limits: ParquetLimits): void {
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (!meta) return refuse('a column chunk has no metadata (encrypted columns are not read)');
      const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
      const compressed = Number(meta.total_compressed_size);
      const uncompressed = Number(meta.total_uncompressed_size);
      if (!(start >= 4 && compressed >= 0 && start + compressed <= dataEnd)) refuse(`column ${meta.path_in_schema.join('.')} lies outside the file`);
      if (compressed > limits.maxColumnChunkBytes || uncompressed > limits.maxColumnChunkBytes) {
        refuse(`a column chunk of ${meta.path_in_schema.join('.')} declares ${Math.max(compressed, uncompressed)} bytes, more than ${limits.maxColumnChunkBytes}`);
      }
      if (meta.codec === 'LZ4' || meta.codec === 'LZ4_RAW' || meta.codec === 'LZO') refuse(`codec ${meta.codec} is not supported`);
    }
  }
}

/** Leaves of a schema subtree. */
const leavesOf = (tree: SchemaTree): SchemaTree[] => (tree.children.length === 0 ? [tree] : tree.children.flatMap(leavesOf));

/**
 * Opens a Parquet file for scanning with hyparquet (pure JavaScript). `wanted` picks the top-level
 * columns from their leaves (the scanner takes strings and binary, and any column whose name says PII).
 * Throws `ParquetRefusedError` for a file it will not read: bad magic, a footer or column chunk past the
 * bounds or outside the file, an unsupported codec.
 */
export async function openParquet(handle: FileHandle, size: number, limits: ParquetLimits, wanted: (leaf: SchemaTree) => boolean): Promise<ParquetSource> {
  let read = 0;
  const count = (bytes: number) => {
    read += bytes;
  };
  const { metadata, footerStart } = await readMetadata(handle, size, limits, count);
  checkChunks(metadata, footerStart, limits);
  let schema: SchemaTree;
  try {
    schema = parquetSchema(metadata);
  } catch {
    return refuse('the schema is damaged');
  }
  const columns = schema.children.filter((child) => leavesOf(child).some(wanted)).map((child) => child.element.name);
  const file: AsyncBuffer = {
    byteLength: size,
    async slice(start, end = size) {
      if (end - start > limits.maxColumnChunkBytes) refuse(`a read of ${end - start} bytes is more than ${limits.maxColumnChunkBytes}`);
      count(end - start);
      return readAt(handle, start, end - start);
    },
  };
  const compressors = boundedCompressors(limits.maxPageBytes);

  async function* rows(): AsyncGenerator<ParquetRows> {
    let firstRow = 0;
    for (const group of metadata.row_groups) {
      const rowCount = Number(group.num_rows);
      for (const column of columns) {
        let values: unknown[] = [];
        try {
          await parquetRead({
            file,
            metadata,
            columns: [column],
            rowStart: firstRow,
            rowEnd: firstRow + rowCount,
            compressors,
            onComplete: (rows) => {
              values = rows.map((row) => row[0]);
            },
          });
        } catch (error) {
          if (error instanceof ParquetRefusedError) throw error;
          refuse(`column ${column} cannot be decoded (damaged, or an unsupported encoding)`);
        }
        yield { column, firstRow, values };
      }
      firstRow += rowCount;
    }
  }
  return { bytesRead: () => read, rows };
}
