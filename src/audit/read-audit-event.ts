import { AUDIT_EVENT_CATALOG, type AuditEventData, type AuditEventType } from './audit-event-catalog.js';
import type { AuditEntry } from './audit-entry.js';

/** An entry whose `data` matched its type's schema in the catalog. */
export type TypedAuditEntry<Type extends AuditEventType = AuditEventType> = {
  [T in Type]: Omit<AuditEntry, 'type' | 'data'> & { type: T; data: AuditEventData<T> };
}[Type];

/** An entry read with the catalog: typed, or the reason it could not be (never its content). */
export type ReadAuditEvent = { ok: true; entry: TypedAuditEntry } | { ok: false; entry: AuditEntry; problem: string };

/**
 * Parse an entry's `data` with its type's schema. The entry came from the database, where anyone with
 * write access could have put anything, so a mismatch is an answer, not an exception: the problem names
 * the field and what was expected, never the value found.
 */
export function readAuditEvent(entry: AuditEntry): ReadAuditEvent {
  if (!Object.hasOwn(AUDIT_EVENT_CATALOG, entry.type)) return { ok: false, entry, problem: 'an entry type this version of donegate does not know' };
  const parsed = AUDIT_EVENT_CATALOG[entry.type].safeParse(entry.data);
  if (parsed.success) return { ok: true, entry: { ...entry, data: parsed.data } as TypedAuditEntry };
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'data';
  // zod's messages can quote keys found in the data, so only the field and the kind of mismatch are told.
  const expected = issue?.code === 'invalid_type' ? `expected ${issue.expected}` : (issue?.code ?? 'invalid').replaceAll('_', ' ');
  return { ok: false, entry, problem: `${field}: ${expected}` };
}
