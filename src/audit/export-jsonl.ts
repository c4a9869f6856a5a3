import type { Writable } from 'node:stream';
import type { Database } from '../store/database.js';
import type { AuditPeriod, PeriodRange } from './audit-period.js';
import { readAuditBatches } from './read-audit-entries.js';
import { writeChunk } from './write-chunk.js';

/** First line of a JSONL export: what it covers and the prevHash its first entry must carry. */
export interface JsonlHeader {
  format: 'donegate-audit';
  version: 1;
  from: string | null;
  to: string | null;
  firstSeq: number | null;
  prevHash: string | null;
  generatedAt: string;
}

/** Last line: how many entries, and the head hash (the prevHash the entry after this export carries). */
export interface JsonlTrailer {
  count: number;
  lastSeq: number | null;
  headHash: string | null;
}

export interface ExportSummary {
  count: number;
  headHash: string | null;
}

/**
 * `{"header":{…}}`, one entry per line exactly as stored (each with its seq, prevHash and hash), then
 * `{"trailer":{…}}`. `donegate audit verify --file` checks such a file with nothing but the file.
 */
export async function writeJsonlExport(db: Database, out: Writable, period: AuditPeriod, range: PeriodRange | undefined, now: Date): Promise<ExportSummary> {
  const header: JsonlHeader = {
    format: 'donegate-audit',
    version: 1,
    from: period.from?.toISOString() ?? null,
    to: period.to?.toISOString() ?? null,
    firstSeq: range?.firstSeq ?? null,
    prevHash: range?.prevHash ?? null,
    generatedAt: now.toISOString(),
  };
  await writeChunk(out, `${JSON.stringify({ header })}\n`);
  let count = 0;
  let headHash: string | null = null;
  let lastSeq: number | null = null;
  if (range) {
    for await (const batch of readAuditBatches(db, { fromSeq: range.firstSeq, toSeq: range.lastSeq })) {
      let text = '';
      for (const entry of batch) text += `${JSON.stringify(entry)}\n`;
      await writeChunk(out, text);
      count += batch.length;
      headHash = batch[batch.length - 1]!.hash;
      lastSeq = batch[batch.length - 1]!.seq;
    }
  }
  const trailer: JsonlTrailer = { count, lastSeq, headHash };
  await writeChunk(out, `${JSON.stringify({ trailer })}\n`);
  return { count, headHash };
}
