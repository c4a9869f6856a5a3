/**
 * `npm run bench:audit`: append throughput with concurrent worker processes, then export and verify
 * rates and memory on a 1,000,000-entry log (AUDIT_BENCH_ENTRIES to change it). Needs PostgreSQL
 * (TEST_DATABASE_URL, as the tests). Every measured step runs in a child process with a 64 MB heap.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { exportAudit } from '../src/audit/export-audit.js';
import { verifyAuditLog } from '../src/audit/verify-audit-log.js';
import { createPostgresTestDatabase } from '../test/support/databases.js';
import { writeBulkAuditChain } from '../test/support/bulk-audit-chain.js';

const ENTRIES = Number(process.env.AUDIT_BENCH_ENTRIES ?? 1_000_000);
const HEAP_MB = 64;
const APPENDS_PER_PROCESS = 4_000;
const run = promisify(execFile);

interface ChildResult {
  ok?: boolean;
  entries?: number;
  count?: number;
  bytes?: number;
  ms: number;
  peakHeapMb: number;
  peakRssMb: number;
}

async function child(script: string, args: string[]): Promise<ChildResult> {
  const { stdout } = await run(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', script, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as ChildResult;
}

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
const mb = (n: number) => n.toFixed(0);
const rows: string[][] = [['measure', 'entries', 'seconds', 'entries/s', 'peak heap MB', 'peak RSS MB']];

console.log(`audit benchmark: ${ENTRIES.toLocaleString('en')} entries; node ${process.version}; load average ${loadavg()[0]!.toFixed(2)} at start`);

// 1. Appends: P worker processes at once, each with 8 appends in flight, on one database.
for (const processes of [1, 2, 4]) {
  const store = await createPostgresTestDatabase();
  try {
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: processes }, () => child('bench/audit-child.ts', ['append', store.url!, String(APPENDS_PER_PROCESS), '8'])));
    const ms = performance.now() - started;
    const total = results.reduce((n, r) => n + (r.entries ?? 0), 0);
    const report = await verifyAuditLog(store.db);
    if (!report.ok || report.checked !== total) throw new Error(`append run left a broken chain: ${JSON.stringify(report)}`);
    rows.push([`append: ${processes} process(es) × 8 in flight`, String(total), (ms / 1000).toFixed(2), rate(total, ms), mb(Math.max(...results.map((r) => r.peakHeapMb))), mb(Math.max(...results.map((r) => r.peakRssMb)))]);
  } finally {
    await store.drop();
  }
}

// 2. A large log: written in bulk (a valid chain), then verified and exported by separate processes.
const store = await createPostgresTestDatabase();
const folder = await mkdtemp(join(tmpdir(), 'donegate-audit-bench-'));
try {
  const seeded = performance.now();
  await writeBulkAuditChain(store.db, ENTRIES);
  await store.db.query('ANALYZE audit_log');
  console.log(`wrote ${ENTRIES.toLocaleString('en')} entries in bulk in ${((performance.now() - seeded) / 1000).toFixed(1)} s (setup, not measured)`);

  const verify = await child('bench/audit-child.ts', ['verify', store.url!]);
  if (!verify.ok) throw new Error('verify failed on an intact chain');
  rows.push(['verify (database)', String(verify.entries), (verify.ms / 1000).toFixed(2), rate(verify.entries!, verify.ms), mb(verify.peakHeapMb), mb(verify.peakRssMb)]);

  for (const format of ['jsonl', 'csv', 'html']) {
    const result = await child('test/support/export-audit-child.ts', [store.url!, format]);
    rows.push([`export ${format} (${(result.bytes! / 2 ** 20).toFixed(0)} MB)`, String(result.count), (result.ms / 1000).toFixed(2), rate(result.count!, result.ms), mb(result.peakHeapMb), mb(result.peakRssMb)]);
  }

  const file = join(folder, 'export.jsonl');
  const out = createWriteStream(file);
  await exportAudit(store.db, out, { format: 'jsonl', period: {} });
  out.end();
  await finished(out);
  const verifyFile = await child('bench/audit-child.ts', ['verify-file', file]);
  if (!verifyFile.ok) throw new Error('verify --file failed on a fresh export');
  rows.push([`verify --file (${((await stat(file)).size / 2 ** 20).toFixed(0)} MB JSONL)`, String(verifyFile.entries), (verifyFile.ms / 1000).toFixed(2), rate(verifyFile.entries!, verifyFile.ms), mb(verifyFile.peakHeapMb), mb(verifyFile.peakRssMb)]);
} finally {
  await store.drop();
  await rm(folder, { recursive: true, force: true });
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
console.log(`load average at end ${loadavg()[0]!.toFixed(2)}; every measured step ran in its own process with --max-old-space-size=${HEAP_MB}`);
