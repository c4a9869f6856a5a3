import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parquetMetadata, type FileMetaData } from 'hyparquet';
import { ByteWriter, parquetWriteBuffer } from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import type { ScanEvent, ScanFinding } from '../../src/scan/index.js';
import { createDefaultDetectors, FingerprintKey, scanFile, scanToReport } from '../../src/scan/index.js';
import { DEFAULT_PARQUET_LIMITS } from '../../src/scan/read/parquet-limits.js';

const fingerprintKey = FingerprintKey.random();

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'donegate-parquet-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// A struct `user { contact { email } }`, a list `tags`, an INT64 `phone` and an INT32 `id`.
const schema = [
  { name: 'root', num_children: 5 },
  { name: 'id', type: 'INT32' as const, repetition_type: 'REQUIRED' as const },
  { name: 'user', repetition_type: 'OPTIONAL' as const, num_children: 2 },
  { name: 'contact', repetition_type: 'OPTIONAL' as const, num_children: 1 },
  { name: 'email', type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const },
  { name: 'full_name', type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const },
  { name: 'tags', repetition_type: 'OPTIONAL' as const, converted_type: 'LIST' as const, num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED' as const, num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const },
  { name: 'phone', type: 'INT64' as const, repetition_type: 'OPTIONAL' as const },
  { name: 'amount', type: 'DOUBLE' as const, repetition_type: 'OPTIONAL' as const },
];

function dataset(rows: number, options: { codec?: 'SNAPPY' | 'GZIP' | 'BROTLI' | 'UNCOMPRESSED'; rowGroupSize?: number } = {}): Buffer {
  const buffer = parquetWriteBuffer({
    schema,
    codec: options.codec ?? 'SNAPPY',
    compressors: { GZIP: (input: Uint8Array) => gzipSync(input), BROTLI: (input: Uint8Array) => brotliCompressSync(input) },
    rowGroupSize: options.rowGroupSize ?? 2500,
    columnData: [
      { name: 'id', data: Array.from({ length: rows }, (_, index) => index) },
      { name: 'user', data: Array.from({ length: rows }, (_, index) => ({ contact: { email: `p${index}@acme.io` }, full_name: `Ann Lee ${index}` })) },
      { name: 'tags', data: Array.from({ length: rows }, (_, index) => ['x', index === 4321 ? 'ping z@corp.io' : 'y']) },
      { name: 'phone', data: Array.from({ length: rows }, (_, index) => BigInt(1000 + index)) },
      { name: 'amount', data: Array.from({ length: rows }, (_, index) => index / 3) },
    ],
  });
  return Buffer.from(buffer);
}

const brief = (findings: ScanFinding[]) => findings.map((f) => [f.detector, f.columnPath, f.occurrences, f.line, f.masked]);

async function scanBytes(name: string, bytes: Buffer, limits = DEFAULT_PARQUET_LIMITS): Promise<ScanEvent[]> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const events: ScanEvent[] = [];
  const settings = { detectors: createDefaultDetectors(), maxLineLength: 1 << 20, maxNotebookBytes: 1 << 20, progressEvery: 1 << 20, fingerprintKey, parquetLimits: limits };
  for await (const event of scanFile(path, name, settings)) events.push(event);
  return events;
}
const findingsIn = (events: ScanEvent[]) => events.flatMap((event) => (event.type === 'finding' ? [event.finding] : []));
const endOf = (events: ScanEvent[]) => events.find((event) => event.type === 'file-end');

/** The same file with its footer replaced by `change(metadata)`, as a damaged or hostile writer would leave it. */
function withFooter(bytes: Buffer, change: (metadata: FileMetaData) => void): Buffer {
  const footerLength = bytes.readUInt32LE(bytes.length - 8);
  const metadata = parquetMetadata(new Uint8Array(bytes));
  change(metadata);
  const writer = new ByteWriter();
  // hyparquet-writer brings its own copy of hyparquet, whose types are the same shape.
  writeMetadata(writer, metadata as Parameters<typeof writeMetadata>[1]);
  const footer = Buffer.from(writer.getBuffer());
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(footer.length, 0);
  tail.write('PAR1', 4, 'latin1');
  return Buffer.concat([bytes.subarray(0, bytes.length - 8 - footerLength), footer, tail]);
}

describe('Parquet', () => {
  it('reports nested struct and list columns by dotted path, once per column with a count, across row groups', async () => {
    const bytes = dataset(10_000);
    const path = join(dir, 'train.parquet');
    await writeFile(path, bytes);
    const report = await scanToReport([path], { fingerprintKey });
    expect(brief(report.findings)).toEqual([
      ['email', 'user.contact.email', 10_000, 1, 'p***@a***.io'],
      ['pii-column-name', 'user.full_name', 10_000, 1, 'A********'],
      ['pii-column-name', 'phone', 10_000, 1, '1***'],
      ['email', 'tags[]', 1, 4322, 'z***@c***.io'],
    ]);
    expect(report.findings[0]).toMatchObject({ location: 'row 1 column user.contact.email', confidence: 'high' });
    expect(report.files).toEqual([{ file: path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length }]);
  });

  it('reads gzip, brotli and uncompressed pages as well as snappy ones', async () => {
    for (const codec of ['GZIP', 'BROTLI', 'UNCOMPRESSED'] as const) {
      const findings = findingsIn(await scanBytes(`${codec}.parquet`, dataset(50, { codec })));
      expect(findings.find((f) => f.detector === 'email')).toMatchObject({ columnPath: 'user.contact.email', occurrences: 50 });
    }
  });

  it('refuses a footer that declares more bytes than the file holds, as unreadable and with the hash of what is stored', async () => {
    const bytes = dataset(20);
    bytes.writeUInt32LE(0x7fffffff, bytes.length - 8);
    const events = await scanBytes('lying.parquet', bytes);
    expect(findingsIn(events)).toEqual([]);
    expect(endOf(events)).toMatchObject({ file: { sha256: createHash('sha256').update(bytes).digest('hex'), skipped: expect.stringMatching(/^unreadable: Parquet refused: the footer declares 2147483647 bytes/) } });
  });

  it('refuses column chunks whose declared sizes are huge or outside the file before reading them', async () => {
    const huge = withFooter(dataset(20), (metadata) => {
      metadata.row_groups[0]!.columns[1]!.meta_data!.total_uncompressed_size = 2n ** 40n;
    });
    expect(endOf(await scanBytes('huge.parquet', huge))).toMatchObject({ file: { skipped: expect.stringContaining('declares 1099511627776 bytes, more than') } });
    const outside = withFooter(dataset(20), (metadata) => {
      metadata.row_groups[0]!.columns[1]!.meta_data!.data_page_offset = 2n ** 33n;
    });
    expect(endOf(await scanBytes('outside.parquet', outside))).toMatchObject({ file: { skipped: expect.stringMatching(/lies outside the file/) } });
  });

  it('refuses a page that would inflate past the page bound', async () => {
    const events = await scanBytes('pages.parquet', dataset(2000), { ...DEFAULT_PARQUET_LIMITS, maxPageBytes: 64 });
    expect(endOf(events)).toMatchObject({ file: { skipped: expect.stringMatching(/^unreadable: Parquet refused: a page declares \d+ bytes, more than 64$/) } });
  });

  it('refuses a file that is not Parquet, and a damaged footer, naming neither content nor values', async () => {
    const text = await scanBytes('fake.parquet', Buffer.from('id,email\n1,ann@acme.io\n'));
    expect(endOf(text)).toMatchObject({ file: { skipped: 'unreadable: Parquet refused: no PAR1 magic at both ends (not Parquet, or encrypted)' } });
    const bytes = dataset(20);
    const footerLength = bytes.readUInt32LE(bytes.length - 8);
    bytes.fill(0xff, bytes.length - 8 - footerLength, bytes.length - 8);
    const damaged = await scanBytes('damaged.parquet', bytes);
    expect(endOf(damaged)).toMatchObject({ file: { skipped: expect.stringMatching(/^unreadable: Parquet refused/) } });
    for (const event of [...text, ...damaged]) expect(JSON.stringify(event)).not.toContain('ann@acme.io');
  });
});
