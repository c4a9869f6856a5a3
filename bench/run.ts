/**
 * `npm run bench`: ingest throughput against a bare express endpoint, then end-to-end decision latency at a
 * steady rate, on loopback against the real Redis and a throw-away PostgreSQL database. Prints tables and
 * writes bench/results/latest.json. See BENCHMARKS.md for the method.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { createPostgresTestDatabase } from '../test/support/databases.js';
import { createBenchLogger } from './bench-logger.js';
import { writeBenchPolicy } from './bench-policy.js';
import { judge, type BenchReport } from './bench-report.js';
import { BENCH } from './bench-settings.js';
import { benchEndToEnd } from './end-to-end.js';
import { benchIngest } from './ingest.js';
import { machineInfo } from './machine-info.js';
import { printReport } from './print-report.js';

const started = performance.now();
const database = await createPostgresTestDatabase();
const policy = await writeBenchPolicy();
const logger = createBenchLogger();
try {
  const machine = await machineInfo(database.db);
  const phase = { db: database.db, log: logger.log, policyFile: policy.policyFile, dataDir: policy.folder };
  // End to end first: its RSS figures then describe donegate alone, before the ingest phase loads simulators here.
  console.error('bench: end to end…');
  const endToEnd = await benchEndToEnd(phase);
  console.error('bench: ingest…');
  const ingest = await benchIngest(phase);
  const report: BenchReport = {
    machine,
    settings: BENCH,
    ingest,
    endToEnd,
    verdicts: judge(ingest, endToEnd),
    durationSeconds: Math.round((performance.now() - started) / 1000),
    loadAverageAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
  const folder = new URL('./results/', import.meta.url);
  await mkdir(folder, { recursive: true });
  await writeFile(new URL('latest.json', folder), `${JSON.stringify(report, null, 2)}\n`);
  console.log(printReport(report));
  console.log(`\nwritten: bench/results/latest.json (${report.durationSeconds} s)`);
} finally {
  logger.close();
  await database.drop();
  await policy.remove();
}
