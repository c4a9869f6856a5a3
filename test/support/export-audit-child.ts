/**
 * Run as its own process, usually with a small heap (`node --max-old-space-size=64 --import tsx …`):
 * export the whole audit log of DATABASE_URL in one format to /dev/null, and print on stdout one JSON
 * line with the entries and bytes written, the time taken and the peak heap and RSS seen. An export that
 * held the log in memory would die of heap exhaustion here instead.
 */
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { exportAudit, isExportFormat } from '../../src/audit/export-audit.js';
import { openPostgres } from '../../src/store/open-postgres.js';

const [url, format = 'jsonl'] = process.argv.slice(2);
if (!url || !isExportFormat(format)) throw new Error('usage: export-audit-child.ts DATABASE_URL jsonl|csv|html');
const db = openPostgres(url, { max: 2 });
const sink = createWriteStream('/dev/null');
let bytes = 0;
let peakHeap = 0;
let peakRss = 0;
const counting = new Writable({
  highWaterMark: 1 << 16,
  write(chunk: Buffer, _encoding, done) {
    bytes += chunk.length;
    const memory = process.memoryUsage();
    peakHeap = Math.max(peakHeap, memory.heapUsed);
    peakRss = Math.max(peakRss, memory.rss);
    if (sink.write(chunk)) done();
    else sink.once('drain', () => done());
  },
});
const started = performance.now();
const summary = await exportAudit(db, counting, { format, period: {} });
counting.end();
await finished(counting);
sink.end();
await db.close();
process.stdout.write(`${JSON.stringify({ format, count: summary.count, bytes, ms: performance.now() - started, peakHeapMb: peakHeap / 2 ** 20, peakRssMb: peakRss / 2 ** 20 })}\n`);
