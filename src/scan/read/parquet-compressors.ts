import { brotliDecompressSync, unzipSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import { snappyUncompress, type Compressors } from 'hyparquet';
import { ParquetRefusedError } from './parquet-limits.js';

/**
 * Page decompressors that refuse a page declaring more than `maxPageBytes` before allocating it: the
 * declared size comes from the file. Snappy is hyparquet's own; gzip and brotli are node's zlib; zstd
 * (polars' default) is fzstd, pure JavaScript like the reader. LZ4 pages are refused by the reader.
 */
export function boundedCompressors(maxPageBytes: number): Compressors {
  const bounded = (inflate: (input: Uint8Array, outputLength: number) => Uint8Array) => (input: Uint8Array, outputLength: number): Uint8Array => {
    if (outputLength > maxPageBytes) throw new ParquetRefusedError(`Parquet refused: a page declares ${outputLength} bytes, more than ${maxPageBytes}`);
    return inflate(input, outputLength);
  };
  return {
    SNAPPY: bounded((input, outputLength) => {
      const output = new Uint8Array(outputLength);
      snappyUncompress(input, output);
      return output;
    }),
    GZIP: bounded((input, outputLength) => unzipSync(input, { maxOutputLength: Math.max(outputLength, 1) })),
    BROTLI: bounded((input, outputLength) => brotliDecompressSync(input, { maxOutputLength: Math.max(outputLength, 1) })),
    ZSTD: bounded((input, outputLength) => zstdDecompress(input, new Uint8Array(outputLength))),
  };
}
