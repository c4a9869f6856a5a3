import { GENESIS_HASH, type AuditEntry } from '../../src/audit/audit-entry.js';
import { hashEntry } from '../../src/audit/hash-entry.js';
import type { Database } from '../../src/store/database.js';

/**
 * Write a valid chain of `count` realistic entries straight into `audit_log`, far faster than appending
 * one by one: hashes are computed here exactly as the log computes them, and rows go in 5,000 at a time
 * as arrays through `unnest`. For tests and benchmarks of reading, exporting and verifying large logs.
 */
export async function writeBulkAuditChain(db: Database, count: number, start = new Date('2026-01-01T00:00:00Z')): Promise<string> {
  let prevHash = GENESIS_HASH;
  const policy = { hash: 'c'.repeat(64), version: 1 };
  for (let first = 1; first <= count; first += 5000) {
    const columns: unknown[][] = [[], [], [], [], [], [], [], [], []];
    for (let seq = first; seq < Math.min(first + 5000, count + 1); seq++) {
      const ticket = `ML-${seq % 20_000}`;
      const kind = seq % 4;
      const data: AuditEntry['data'] =
        kind === 0
          ? { deliveryId: `d-${seq}`, trigger: 'transition', by: 'jira:5b10ac8d82e05b22cc7d4ef5', outcome: seq % 8 === 0 ? 'fail' : 'pass', rule: 'ml-models', mode: 'block', policy, criteria: [{ criterion: 'pii-scan', status: 'pass', reason: 'donegate-scan: no personal data found' }, { criterion: 'dependency-audit', status: seq % 8 === 0 ? 'fail' : 'pass', reason: 'npm audit: 0 open findings at or above high' }], evidence: [`e-${seq - 1}`] }
          : { deliveryId: `d-${seq - kind}`, action: kind === 1 ? 'comment' : kind === 2 ? 'label-remove' : 'property', ok: true, detail: kind === 1 ? `updated comment 100${seq}` : 'verdict pass' };
      const unhashed = { seq, time: new Date(start.getTime() + seq * 1000).toISOString(), type: kind === 0 ? ('decision' as const) : ('action' as const), tracker: 'jira', ticket, actor: 'donegate', data, prevHash };
      const hash = hashEntry(unhashed);
      const row = [seq, unhashed.time, unhashed.type, unhashed.tracker, ticket, unhashed.actor, JSON.stringify(data), prevHash, hash];
      row.forEach((value, i) => columns[i]!.push(value));
      prevHash = hash;
    }
    await db.query(
      `INSERT INTO audit_log (seq, at, type, tracker, ticket, actor, data, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[])`,
      columns,
    );
  }
  return prevHash;
}
