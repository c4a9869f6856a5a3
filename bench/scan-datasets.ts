/**
 * `npm run bench:datasets`: scan throughput of the dataset readers on generated files. The bench's own
 * seeded JSONL (bench/scan-generate.ts) is written, then the same rows as a Parquet file (snappy, row
 * groups of 65,536 rows) and as CSV; each is scanned by `scanToReport` in this process, twice (the first
 * run warms the JIT and libphonenumber), and the second run is reported: wall and CPU seconds, MB/s of
 * the file as stored, rows/s, findings. Load averages are printed because the machine may be shared.
 */
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { scanToReport } from '../src/scan/index.js';
import { generateFile } from './scan-generate.js';

const BYTES = Number(process.env.DATASET_BENCH_BYTES ?? 64e6);

interface Row {
  id: number;
  ts: string;
  score: number;
  tokens: number;
  text: string;
  contact: string | null;
}

async function measure(path: string, rows: number): Promise<string> {
  let line = '';
  for (let run = 0; run < 2; run++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const report = await scanToReport([path]);
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const bytes = report.summary.bytes;
    const occurrences = report.findings.reduce((sum, finding) => sum + (finding.occurrences ?? 1), 0);
    line = `${path.split('/').pop()!.padEnd(16)} ${(bytes / 1e6).toFixed(1).padStart(6)} MB ${wall.toFixed(2).padStart(6)} s ${cpuSeconds.toFixed(2).padStart(6)} CPU s ` +
      `${(bytes / 1e6 / wall).toFixed(1).padStart(6)} MB/s ${(bytes / 1e6 / cpuSeconds).toFixed(1).padStart(6)} MB/CPU-s ${Math.round(rows / wall).toLocaleString('en').padStart(9)} rows/s ` +
      `${report.findings.length} findings (${occurrences} rows matched)`;
  }
  return line;
}

const folder = await mkdtemp(join(tmpdir(), 'donegate-bench-datasets-'));
try {
  const jsonl = join(folder, 'events.jsonl');
  const { rows } = await generateFile(jsonl, 'jsonl', BYTES, 20261202);
  const records = (await readFile(jsonl, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
  const column = <K extends keyof Row>(key: K) => records.map((record) => record[key]);
  const parquet = parquetWriteBuffer({
    rowGroupSize: 65_536,
    columnData: [
      { name: 'id', data: column('id'), type: 'INT32' },
      { name: 'ts', data: column('ts'), type: 'STRING' },
      { name: 'score', data: column('score'), type: 'DOUBLE' },
      { name: 'tokens', data: column('tokens'), type: 'INT32' },
      { name: 'text', data: column('text'), type: 'STRING' },
      { name: 'contact', data: column('contact'), type: 'STRING' },
    ],
  });
  await writeFile(join(folder, 'events.parquet'), Buffer.from(parquet));
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  await writeFile(join(folder, 'events.csv'), `id,ts,score,tokens,text,contact\n${records.map((r) => `${r.id},${r.ts},${r.score},${r.tokens},${quote(r.text)},${r.contact ?? ''}`).join('\n')}\n`);
  console.log(`${rows.toLocaleString('en')} rows; load average ${loadavg().map((load) => load.toFixed(2)).join(' ')} at start`);
  for (const name of ['events.jsonl', 'events.parquet', 'events.csv']) console.log(await measure(join(folder, name), rows));
  console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')} at end`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
