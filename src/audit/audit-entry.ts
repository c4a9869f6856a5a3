import type { AuditEventType } from './audit-event-catalog.js';
import type { JsonValue } from './canonical-json.js';

/** The `prevHash` of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * An entry's content as the log stores and hashes it: `data` is any JSON object. Writers build their
 * events through the catalog's types (`TypedAuditEvent`); readers parse `data` with the catalog.
 */
export interface AuditEvent {
  /** One of the catalog's types, stored verbatim in `audit_log.type`. */
  type: AuditEventType;
  tracker: string | null;
  ticket: string | null;
  /**
   * Who acted, as an identifier and never an email: `jira:<accountId>`, `linear:<userId>`,
   * `token:<token name>`, `cli` (an operator at the command line) or `donegate` (the worker itself).
   */
  actor: string;
  data: { [key: string]: JsonValue };
}

/**
 * One link of the chain. `hash` is sha256 over the canonical JSON of every other field (see hashEntry),
 * and `prevHash` is the hash of the entry with `seq - 1` (GENESIS_HASH for seq 1).
 */
export interface AuditEntry extends AuditEvent {
  seq: number;
  /** ISO 8601 in UTC with milliseconds, exactly as hashed: `2026-11-26T04:22:00.000Z`. */
  time: string;
  prevHash: string;
  hash: string;
}
