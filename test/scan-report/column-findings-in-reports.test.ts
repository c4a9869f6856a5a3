import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readDonegateScan } from '../../src/criteria/scan-read-donegate.js';
import { describeScanFinding } from '../../src/criteria/scan-evidence.js';
import { FingerprintKey, scanToReport, type ScanReport } from '../../src/scan/index.js';
import { applyBaseline, formatScanReport, parseBaseline, REASON_PLACEHOLDER, scanReportSchema, SCAN_OUTPUT_FORMATS, serialiseBaseline } from '../../src/scan-report/index.js';

const fingerprintKey = FingerprintKey.random();
/** Every raw value the dataset holds: none may appear in any output. */
const RAW = ['ann.lee@acme.io', 'bo.kim@acme.io', 'Ann Lee', '1984-02-03', '+44 20 7946 0958', 'cy@corp.io'];

let dir: string;
let report: ScanReport;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'donegate-column-report-'));
  await writeFile(join(dir, 'people.csv'), `id,email,full_name,dob,note\n1,${RAW[0]},${RAW[2]},${RAW[3]},hi\n2,${RAW[1]},${RAW[2]},${RAW[3]},mail ${RAW[5]}\n`);
  const lines = [{ contact: { email: RAW[0], phone: RAW[4] } }, { contact: { email: RAW[1], phone: RAW[4] }, first_name: RAW[2] }];
  await writeFile(join(dir, 'events.jsonl.gz'), gzipSync(`${lines.map((line) => JSON.stringify(line)).join('\n')}\n`));
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'email', data: [RAW[0], RAW[1]], type: 'STRING' },
      { name: 'last_name', data: [RAW[2], RAW[2]], type: 'STRING' },
    ],
  });
  await writeFile(join(dir, 'train.parquet'), Buffer.from(parquet));
  report = await scanToReport([dir], { fingerprintKey });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('column findings in reports', () => {
  it('gives one finding per column and detector with its row count', () => {
    expect(report.findings.map((f) => [f.file.slice(dir.length + 1), f.detector, f.columnPath, f.occurrences])).toEqual([
      ['events.jsonl.gz', 'email', 'contact.email', 2],
      ['events.jsonl.gz', 'phone', 'contact.phone', 2],
      ['events.jsonl.gz', 'pii-column-name', 'first_name', 1],
      ['people.csv', 'email', 'email', 2],
      ['people.csv', 'pii-column-name', 'full_name', 2],
      ['people.csv', 'pii-column-name', 'dob', 2],
      ['people.csv', 'email', 'note', 1],
      ['train.parquet', 'email', 'email', 2],
      ['train.parquet', 'pii-column-name', 'last_name', 2],
    ]);
  });

  it.each(SCAN_OUTPUT_FORMATS)('%s output holds no raw value, and shows the counts', (format) => {
    const text = formatScanReport(report, format);
    for (const raw of RAW) expect(text).not.toContain(raw);
    expect(text).toMatch(format === 'text' ? /row 1 column contact\.email, 2 rows\)/ : format === 'json' ? /"occurrences": 2/ : /in 2 rows of column contact\.email/);
  });

  it('reads back through the report schema with the column and the count', () => {
    const parsed = scanReportSchema.parse(JSON.parse(formatScanReport(report, 'json')));
    expect(parsed.findings[0]).toMatchObject({ columnPath: 'contact.email', occurrences: 2 });
  });

  it('keeps the count in what pii-scan stores and shows', () => {
    const stored = readDonegateScan(JSON.parse(formatScanReport(report, 'json')), 'pii', fingerprintKey);
    const finding = stored.findings.find((f) => f.columnPath === 'full_name')!;
    expect(describeScanFinding(finding)).toMatch(/people\.csv:2 pii-column-name A\*{6} in 2 rows of column full_name \(fingerprint [0-9a-f]{12}\)$/);
    for (const raw of RAW) expect(JSON.stringify(stored)).not.toContain(raw);
  });

  it('lets a baseline accept a column, naming it, and still matches once the column has more rows', async () => {
    const findings = report.findings.filter((f) => f.columnPath === 'note');
    const yaml = serialiseBaseline(findings, 'baseline.yaml', fingerprintKey).replace(REASON_PLACEHOLDER, 'support mailbox, agreed with the DPO');
    expect(yaml).toContain('column: note');
    await writeFile(join(dir, 'people.csv'), `id,email,full_name,dob,note\n1,x@acme.io,A,B,mail dee@corp.io\n2,y@acme.io,C,D,mail ${RAW[5]}\n3,z@acme.io,E,F,mail eve@corp.io\n`);
    const again = await scanToReport([join(dir, 'people.csv')], { fingerprintKey });
    const accepted = applyBaseline(again, parseBaseline(yaml, 'baseline.yaml', fingerprintKey));
    expect(accepted.baselined).toBe(1);
    expect(accepted.findings.some((f) => f.columnPath === 'note')).toBe(false);
  });
});
