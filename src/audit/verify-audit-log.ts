import type { Database } from '../store/database.js';
import { GENESIS_HASH } from './audit-entry.js';
import { createChainCheck, type ChainBreak } from './chain-check.js';
import { readAuditBatches } from './read-audit-entries.js';

/** Where the first entry checked gets the prevHash it must carry. */
export type AnchorSource = 'genesis' | 'previous entry' | 'given' | 'unchecked';

export interface VerifyReport {
  ok: boolean;
  checked: number;
  firstSeq?: number;
  lastSeq?: number;
  headHash?: string;
  anchor: { source: AnchorSource; prevHash?: string };
  break?: ChainBreak;
}

/**
 * Recompute the chain in the database from `fromSeq` (default: the oldest entry kept). The first entry's
 * prevHash is checked against the genesis hash (seq 1), the entry before it, or `prevHash` given by the
 * caller (the head hash of an archived export); with none of those it is reported as unchecked.
 */
export async function verifyAuditLog(db: Database, options: { fromSeq?: number; prevHash?: string } = {}): Promise<VerifyReport> {
  const [bounds] = await db.query<{ min: string | number | null }>('SELECT min(seq) AS min FROM audit_log');
  if (bounds?.min === null || bounds?.min === undefined) return { ok: true, checked: 0, anchor: { source: 'unchecked' } };
  const firstSeq = options.fromSeq ?? Number(bounds.min);
  const anchor = await anchorFor(db, firstSeq, options.prevHash);
  const chain = createChainCheck({ firstSeq, ...(anchor.prevHash !== undefined ? { anchor: anchor.prevHash } : {}) });
  for await (const batch of readAuditBatches(db, { fromSeq: firstSeq })) {
    for (const entry of batch) {
      const broken = chain.check(entry);
      if (broken) return { ok: false, checked: chain.checked, firstSeq, anchor, break: broken };
    }
  }
  if (chain.checked === 0) {
    return { ok: false, checked: 0, firstSeq, anchor, break: { seq: firstSeq, problem: `entry ${firstSeq} is missing: there is no entry from it on` } };
  }
  return { ok: true, checked: chain.checked, firstSeq, lastSeq: chain.lastSeq!, headHash: chain.headHash!, anchor };
}

async function anchorFor(db: Database, firstSeq: number, given: string | undefined): Promise<VerifyReport['anchor']> {
  if (given !== undefined) return { source: 'given', prevHash: given };
  if (firstSeq === 1) return { source: 'genesis', prevHash: GENESIS_HASH };
  const [previous] = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [firstSeq - 1]);
  return previous ? { source: 'previous entry', prevHash: previous.hash } : { source: 'unchecked' };
}
