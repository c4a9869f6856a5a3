import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeBulkAuditChain } from '../support/bulk-audit-chain.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

const ENTRIES = 250_000;
const HEAP_MB = 48;

/**
 * The export holds one batch at a time. Proved in a child process whose heap is capped well below the size
 * of what it writes: an export that gathered the log in memory would die there. The million-entry run
 * with its figures is in the benchmark (`npm run bench:audit`, BENCHMARKS.md).
 */
describe(`exporting ${ENTRIES.toLocaleString('en')} entries with a ${HEAP_MB} MB heap`, () => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await createPostgresTestDatabase();
    await writeBulkAuditChain(store.db, ENTRIES);
    await store.db.query('ANALYZE audit_log');
  }, 120_000);
  afterAll(async () => {
    await store.drop();
  });

  it.each(['jsonl', 'html'])('streams %s far larger than the heap', async (format) => {
    const { stdout } = await promisify(execFile)(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'test/support/export-audit-child.ts', store.url!, format]);
    const result = JSON.parse(stdout) as { count: number; bytes: number; peakHeapMb: number };
    expect(result.count).toBe(ENTRIES);
    expect(result.bytes / 2 ** 20).toBeGreaterThan(format === 'jsonl' ? 2 * HEAP_MB : HEAP_MB / 2);
    // The cap bounds the old generation, which an export holding the log would overrun (the child dies and
    // execFile rejects). heapUsed also counts the young generation, up to 16–32 MB more, so the sampled peak
    // is checked against the cap plus that, not the cap alone.
    expect(result.peakHeapMb).toBeLessThan(HEAP_MB + 32);
  }, 120_000);
});
