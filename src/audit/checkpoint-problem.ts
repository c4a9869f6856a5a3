import type { Checkpoint } from './checkpoint.js';

/** What the verified log holds: its first and last entry, and the hash of each entry a checkpoint names. */
export interface VerifiedRange {
  firstSeq: number;
  lastSeq: number;
  hashAt(seq: number): string | undefined;
  /** The first entry's prevHash was checked against the genesis hash, the entry before it or a given hash. */
  anchored: boolean;
}

/**
 * How the log fails to contain the head a checkpoint signed, in words an auditor can act on; undefined
 * when entry `seq` is there with the signed hash (so, by the chain, is every entry before it), or lies
 * before an anchored range (archived entries are checked against the archive, `verify --file`).
 */
export function checkpointProblem(checkpoint: Checkpoint, log: VerifiedRange | undefined): string | undefined {
  const signed = `the checkpoint of ${checkpoint.time} signed entry ${checkpoint.seq} with hash ${checkpoint.hash}`;
  if (!log) return `the log is empty, but ${signed}: every entry was removed`;
  if (checkpoint.seq > log.lastSeq) {
    return `the log ends at entry ${log.lastSeq}, but ${signed}: entries ${log.lastSeq + 1}–${checkpoint.seq} were removed (truncated)`;
  }
  if (checkpoint.seq < log.firstSeq) {
    // Verified from an anchor (an archive's head hash, or --from with the entries before it): that entry is outside this run.
    if (log.anchored) return undefined;
    return `the log starts at entry ${log.firstSeq}, but ${signed}: the first entries were removed`;
  }
  const actual = log.hashAt(checkpoint.seq);
  if (actual !== checkpoint.hash) {
    return `entry ${checkpoint.seq} now has hash ${actual ?? '(none)'}, but ${signed}: the log was rewritten up to that entry and re-hashed`;
  }
  return undefined;
}
