import * as crypto from 'node:crypto';
import type { AuditEntry } from './audit-entry.js';
import { canonicalJson } from './canonical-json.js';

/**
 * sha256 (hex) of canonicalJson({ seq, time, type, tracker, ticket, actor, data, prevHash }) as UTF-8.
 * This is the whole definition an auditor needs to re-implement verification. The outer object is
 * written out here with its keys already in canonical (sorted) order, which is the same text
 * canonicalJson would produce, without building and sorting an object per entry.
 */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const text =
    `{"actor":${canonicalJson(entry.actor)},"data":${canonicalJson(entry.data)},"prevHash":${canonicalJson(entry.prevHash)}` +
    `,"seq":${canonicalJson(entry.seq)},"ticket":${canonicalJson(entry.ticket)},"time":${canonicalJson(entry.time)}` +
    `,"tracker":${canonicalJson(entry.tracker)},"type":${canonicalJson(entry.type)}}`;
  return sha256Hex(text);
}

// crypto.hash (Node 20.12+) hashes a string in one call, about twice as fast as createHash for short input.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex = oneShot ? (text: string) => oneShot('sha256', text, 'hex') : (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
