/**
 * One process of the audit benchmark, run with a capped heap: `append URL COUNT CONCURRENCY` appends
 * COUNT entries with CONCURRENCY appends in flight (as a worker process's jobs would); `verify URL`
 * verifies the database chain; `verify-file FILE` verifies a JSONL export. Prints one JSON line:
 * the entries handled, milliseconds, and the peak heap and RSS sampled every 50 ms.
 */
import { createAuditLog } from '../src/audit/audit-log.js';
import { verifyAuditLog } from '../src/audit/verify-audit-log.js';
import { verifyExportFile } from '../src/audit/verify-export-file.js';
import { openPostgres } from '../src/store/open-postgres.js';

const [mode, target, countText = '0', concurrencyText = '1'] = process.argv.slice(2);
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const memory = process.memoryUsage();
  peakHeap = Math.max(peakHeap, memory.heapUsed);
  peakRss = Math.max(peakRss, memory.rss);
};
const timer = setInterval(sample, 50);
const started = performance.now();
let entries = 0;
let ok = true;

if (mode === 'append') {
  const db = openPostgres(target!, { max: Number(concurrencyText) });
  const audit = createAuditLog(db);
  let left = Number(countText);
  const appender = async () => {
    while (left > 0) {
      left -= 1;
      await audit.append({
        type: 'action',
        tracker: 'jira',
        ticket: `ML-${process.pid}`,
        actor: 'donegate',
        data: { deliveryId: `d-${process.pid}-${left}`, action: 'comment', ok: true, detail: `updated comment ${left}` },
      });
      entries += 1;
    }
  };
  await Promise.all(Array.from({ length: Number(concurrencyText) }, appender));
  await db.close();
} else if (mode === 'verify') {
  const db = openPostgres(target!, { max: 2 });
  const report = await verifyAuditLog(db);
  entries = report.checked;
  ok = report.ok;
  await db.close();
} else if (mode === 'verify-file') {
  const report = await verifyExportFile(target!);
  entries = report.checked;
  ok = report.ok;
} else {
  throw new Error('usage: audit-child.ts append URL COUNT CONCURRENCY | verify URL | verify-file FILE');
}
const ms = performance.now() - started;
sample();
clearInterval(timer);
process.stdout.write(`${JSON.stringify({ mode, ok, entries, ms, peakHeapMb: peakHeap / 2 ** 20, peakRssMb: peakRss / 2 ** 20 })}\n`);
