import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AuditEntry } from './audit-entry.js';
import { createChainCheck, type ChainBreak } from './chain-check.js';
import type { JsonlHeader, JsonlTrailer } from './export-jsonl.js';

export interface FileVerifyReport {
  ok: boolean;
  checked: number;
  firstSeq?: number;
  lastSeq?: number;
  /** The head hash the file's entries lead to; compare it with one obtained from donegate independently. */
  headHash?: string;
  prevHash?: string;
  break?: ChainBreak;
  /** A fault in the file's framing (no header, no trailer, counts that disagree), with its line number. */
  problem?: string;
}

/**
 * Verify a JSONL export with nothing but the file: entries chain from the header's prevHash, hash
 * correctly, and end at the trailer's head hash and count. Reads line by line, so memory stays flat.
 */
export async function verifyExportFile(file: string): Promise<FileVerifyReport> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: JsonlHeader | undefined;
  let trailer: JsonlTrailer | undefined;
  let chain: ReturnType<typeof createChainCheck> | undefined;
  let lineNo = 0;
  const fail = (problem: string): FileVerifyReport => ({ ok: false, checked: chain?.checked ?? 0, problem });
  for await (const line of lines) {
    lineNo += 1;
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return fail(`line ${lineNo} is not JSON`);
    }
    if (trailer) return fail(`line ${lineNo} comes after the trailer`);
    const record = value as { header?: JsonlHeader; trailer?: JsonlTrailer };
    if (!header) {
      if (!record.header || record.header.format !== 'donegate-audit') return fail('line 1 is not a donegate audit export header');
      header = record.header;
      chain = createChainCheck({
        ...(header.firstSeq !== null ? { firstSeq: header.firstSeq } : {}),
        ...(header.prevHash !== null ? { anchor: header.prevHash } : {}),
      });
      continue;
    }
    if (record.trailer) {
      trailer = record.trailer;
      continue;
    }
    const broken = chain!.check(value as AuditEntry);
    if (broken) return { ok: false, checked: chain!.checked, break: broken };
  }
  if (!header || !chain) return fail('the file is empty: no header line');
  if (!trailer) return fail(`the export is cut short: no trailer line after ${chain.checked} entries`);
  if (trailer.count !== chain.checked) return fail(`the trailer counts ${trailer.count} entries but the file holds ${chain.checked}`);
  if ((trailer.headHash ?? undefined) !== chain.headHash) return fail(`the trailer's head hash ${trailer.headHash} is not the last entry's hash ${chain.headHash}`);
  return {
    ok: true,
    checked: chain.checked,
    ...(header.firstSeq !== null ? { firstSeq: header.firstSeq } : {}),
    ...(chain.lastSeq !== undefined ? { lastSeq: chain.lastSeq } : {}),
    ...(chain.headHash !== undefined ? { headHash: chain.headHash } : {}),
    ...(header.prevHash !== null ? { prevHash: header.prevHash } : {}),
  };
}
