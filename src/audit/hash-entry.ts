import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.js';
import { canonicalJson } from './canonical-json.js';

/**
 * sha256 (hex) of canonicalJson({ seq, time, type, tracker, ticket, actor, data, prevHash }) as UTF-8.
 * This is the whole definition an auditor needs to re-implement verification.
 */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const text = canonicalJson({
    seq: entry.seq,
    time: entry.time,
    type: entry.type,
    tracker: entry.tracker,
    ticket: entry.ticket,
    actor: entry.actor,
    data: entry.data,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
