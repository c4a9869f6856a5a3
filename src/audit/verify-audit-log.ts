import type { Database } from '../store/database.js';
import { GENESIS_HASH } from './audit-entry.js';
import { createChainCheck, type ChainBreak } from './chain-check.js';
import type { Checkpoint } from './checkpoint.js';
import { checkpointProblem, type VerifiedRange } from './checkpoint-problem.js';
import { readAuditBatches } from './read-audit-entries.js';
import { verifyChainedRows, type RowsReport } from './verify-chained-rows.js';

/** Where the first entry checked gets the prevHash it must carry. */
export type AnchorSource = 'genesis' | 'previous entry' | 'given' | 'unchecked';

/** A signed head to hold the log to, and where it came from (a file, a stored checkpoint). */
export interface CheckpointToCheck {
  origin: string;
  checkpoint: Checkpoint;
}

export interface CheckpointResult {
  origin: string;
  seq: number;
  ok: boolean;
  problem?: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  firstSeq?: number;
  lastSeq?: number;
  headHash?: string;
  anchor: { source: AnchorSource; prevHash?: string };
  break?: ChainBreak;
  checkpoints?: CheckpointResult[];
  rows?: RowsReport;
}

/**
 * Recompute the chain in the database from `fromSeq` (default: the oldest entry kept). The first entry's
 * prevHash is checked against the genesis hash (seq 1), the entry before it, or `prevHash` given by the
 * caller (the head hash of an archived export). A log that starts later with none of those is not
 * verified: its first entries were removed, and a checkpoint of a later head cannot tell a removal from
 * an archive (the kept entries still lead to the signed head), so only the archive's head hash can.
 * Every checkpoint given must find its head in the log, and every decision, evidence and waiver row
 * must still match the hash its entry recorded.
 */
export async function verifyAuditLog(db: Database, options: { fromSeq?: number; prevHash?: string; checkpoints?: CheckpointToCheck[] } = {}): Promise<VerifyReport> {
  const checkpoints = options.checkpoints ?? [];
  const [bounds] = await db.query<{ min: string | number | null }>('SELECT min(seq) AS min FROM audit_log');
  if (bounds?.min === null || bounds?.min === undefined) {
    const results = checkResults(checkpoints, undefined);
    return { ok: results.every((r) => r.ok), checked: 0, anchor: { source: 'unchecked' }, ...(results.length > 0 ? { checkpoints: results } : {}) };
  }
  const firstSeq = options.fromSeq ?? Number(bounds.min);
  const anchor = await anchorFor(db, firstSeq, options.prevHash);
  const chain = createChainCheck({ firstSeq, ...(anchor.prevHash !== undefined ? { anchor: anchor.prevHash } : {}) });
  const wanted = new Set(checkpoints.map((c) => c.checkpoint.seq));
  const hashes = new Map<number, string>();
  for await (const batch of readAuditBatches(db, { fromSeq: firstSeq })) {
    for (const entry of batch) {
      const broken = chain.check(entry);
      if (broken) return { ok: false, checked: chain.checked, firstSeq, anchor, break: broken };
      if (wanted.has(entry.seq)) hashes.set(entry.seq, entry.hash);
    }
  }
  if (chain.checked === 0) {
    return { ok: false, checked: 0, firstSeq, anchor, break: { seq: firstSeq, problem: `entry ${firstSeq} is missing: there is no entry from it on` } };
  }
  const range: VerifiedRange = { firstSeq, lastSeq: chain.lastSeq!, hashAt: (seq) => hashes.get(seq), anchored: anchor.source !== 'unchecked' };
  const results = checkResults(checkpoints, range);
  const report: VerifyReport = {
    ok: true,
    checked: chain.checked,
    firstSeq,
    lastSeq: chain.lastSeq!,
    headHash: chain.headHash!,
    anchor,
    ...(results.length > 0 ? { checkpoints: results } : {}),
  };
  if (anchor.source === 'unchecked') {
    report.ok = false;
    report.break = {
      seq: firstSeq,
      problem: `entry ${firstSeq} is the first entry in the log but not the genesis entry (1), and nothing says what it should follow: ` +
        `entries 1–${firstSeq - 1} were removed. When they were archived, pass --prev-hash with the archive's head hash (and verify the archive with --file)`,
    };
  }
  if (results.some((r) => !r.ok)) report.ok = false;
  report.rows = await verifyChainedRows(db, firstSeq);
  if (report.rows.problems.length > 0) report.ok = false;
  return report;
}

function checkResults(checkpoints: CheckpointToCheck[], range: VerifiedRange | undefined): CheckpointResult[] {
  return checkpoints.map(({ origin, checkpoint }) => {
    const problem = checkpointProblem(checkpoint, range);
    return { origin, seq: checkpoint.seq, ok: problem === undefined, ...(problem !== undefined ? { problem } : {}) };
  });
}

async function anchorFor(db: Database, firstSeq: number, given: string | undefined): Promise<VerifyReport['anchor']> {
  if (given !== undefined) return { source: 'given', prevHash: given };
  if (firstSeq === 1) return { source: 'genesis', prevHash: GENESIS_HASH };
  const [previous] = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [firstSeq - 1]);
  return previous ? { source: 'previous entry', prevHash: previous.hash } : { source: 'unchecked' };
}
