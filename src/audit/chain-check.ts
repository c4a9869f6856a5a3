import type { AuditEntry } from './audit-entry.js';
import { hashEntry } from './hash-entry.js';

/** The first entry that breaks the chain, and how. */
export interface ChainBreak {
  seq: number;
  problem: string;
}

export interface ChainCheck {
  /** Check the next entry in order; the first break is kept and returned, later entries are not checked. */
  check(entry: AuditEntry): ChainBreak | undefined;
  readonly checked: number;
  /** The hash of the last entry checked: the next entry's prevHash must equal it. */
  readonly headHash: string | undefined;
  readonly lastSeq: number | undefined;
}

/**
 * The chain rules, one entry at a time: sequence numbers consecutive from `firstSeq`, each prevHash equal
 * to the hash before it (the first one to `anchor`, when known), each hash equal to hashEntry of the entry.
 * An edited entry fails its own hash; a deleted one leaves a gap; rows swapped or renumbered fail the hash
 * of the first one out of place.
 */
export function createChainCheck(start: { firstSeq?: number; anchor?: string }): ChainCheck {
  let expectedSeq = start.firstSeq;
  let expectedPrev = start.anchor;
  let checked = 0;
  let headHash: string | undefined;
  let lastSeq: number | undefined;
  return {
    check(entry) {
      if (expectedSeq !== undefined && entry.seq !== expectedSeq) {
        return entry.seq > expectedSeq
          ? { seq: expectedSeq, problem: `entry ${expectedSeq} is missing: the next entry present is ${entry.seq}` }
          : { seq: entry.seq, problem: `entry ${entry.seq} is out of order: expected entry ${expectedSeq}` };
      }
      if (expectedPrev !== undefined && entry.prevHash !== expectedPrev) {
        const before = checked === 0 ? 'the anchor it should follow' : `entry ${entry.seq - 1}`;
        return { seq: entry.seq, problem: `entry ${entry.seq}: prevHash ${entry.prevHash} is not the hash of ${before} (${expectedPrev})` };
      }
      const actual = hashEntry(entry);
      if (actual !== entry.hash) {
        return { seq: entry.seq, problem: `entry ${entry.seq}: its content does not match its hash (stored ${entry.hash}, computed ${actual})` };
      }
      checked += 1;
      expectedSeq = entry.seq + 1;
      expectedPrev = entry.hash;
      headHash = entry.hash;
      lastSeq = entry.seq;
      return undefined;
    },
    get checked() {
      return checked;
    },
    get headHash() {
      return headHash;
    },
    get lastSeq() {
      return lastSeq;
    },
  };
}
