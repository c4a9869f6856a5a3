import type { Writable } from 'node:stream';
import type { Database } from '../store/database.js';
import type { PeriodRange } from './audit-period.js';
import { canonicalJson } from './canonical-json.js';
import type { ExportSummary } from './export-jsonl.js';
import { readAuditBatches } from './read-audit-entries.js';
import { writeChunk } from './write-chunk.js';

const COLUMNS = ['seq', 'time', 'type', 'tracker', 'ticket', 'actor', 'data', 'prev_hash', 'hash'];

/**
 * One RFC 4180 field. A value a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading `'` (OWASP's advice on CSV injection), so the CSV is for reading; the
 * JSONL export is the one to verify.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header row, then one row per entry; `data` is its canonical JSON. Lines end in CRLF, as RFC 4180 has it. */
export async function writeCsvExport(db: Database, out: Writable, range: PeriodRange | undefined): Promise<ExportSummary> {
  await writeChunk(out, `${COLUMNS.join(',')}\r\n`);
  let count = 0;
  let headHash: string | null = null;
  if (!range) return { count, headHash };
  for await (const batch of readAuditBatches(db, { fromSeq: range.firstSeq, toSeq: range.lastSeq })) {
    let text = '';
    for (const e of batch) {
      const cells = [String(e.seq), e.time, e.type, e.tracker ?? '', e.ticket ?? '', e.actor, canonicalJson(e.data), e.prevHash, e.hash];
      text += `${cells.map(csvField).join(',')}\r\n`;
    }
    await writeChunk(out, text);
    count += batch.length;
    headHash = batch[batch.length - 1]!.hash;
  }
  return { count, headHash };
}
