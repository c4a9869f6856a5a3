import { z } from 'zod';
import { evidenceProvenanceSchema } from '../domain/index.js';

/**
 * The one list of audit event types, each with the schema of its `data`. Writers build entries of these
 * types (audit-events.ts); readers parse an entry's `data` with its schema before they use it
 * (read-audit-event.ts). Fields that later versions added are optional, so entries written before them
 * still read. An entry is hashed exactly as stored, whatever its schema says.
 */

/**
 * `data.row`, added by the log to the entry that records a decision, evidence or waiver row: which row,
 * and the hash of its content when it was recorded (see chained-rows.ts).
 */
export const rowRefSchema = z.object({ table: z.enum(['decisions', 'evidence', 'waivers']), id: z.string(), hash: z.string() });
const recordedRow = rowRefSchema;

/** What set a decision off: a move to Done, evidence or a waiver arriving, a `/donegate` comment. */
const decisionTrigger = z.enum(['transition', 'evidence', 'waiver', 'command']);

const decision = z.object({
  deliveryId: z.string(),
  trigger: decisionTrigger,
  /** `jira:<accountId>`: who moved the ticket or wrote the command. */
  by: z.string().optional(),
  outcome: z.enum(['pass', 'fail', 'skipped', 'error']),
  reason: z.string().optional(),
  fromStatus: z.string().optional(),
  toStatus: z.string().optional(),
  rule: z.string().optional(),
  mode: z.enum(['block', 'warn']).optional(),
  policy: z.object({ hash: z.string(), version: z.number() }).optional(),
  criteria: z.array(z.object({ criterion: z.string(), status: z.enum(['pass', 'fail', 'error']), reason: z.string() })),
  /** Ids of the evidence records the criteria were judged on. */
  evidence: z.array(z.string()),
  /** Appended by a retry because the attempt that recorded the decision could not. */
  recovered: z.literal(true).optional(),
  row: recordedRow.optional(),
});

const action = z.object({
  deliveryId: z.string(),
  action: z.enum(['move', 'comment', 'label-add', 'label-remove', 'property']),
  ok: z.boolean(),
  detail: z.string(),
});

const evidenceAccepted = z.object({
  evidenceId: z.string(),
  criterion: z.string(),
  outcome: z.string(),
  format: z.string().nullable(),
  summary: z.string(),
  sha256: z.string(),
  source: z.string(),
  /** Null when nobody vouched; absent on entries written before provenance was recorded. */
  provenance: evidenceProvenanceSchema.nullable().optional(),
  row: recordedRow.optional(),
});

const evidenceRefused = z.object({
  criterion: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  source: z.string(),
  code: z.string().nullable(),
  reason: z.string(),
});

const waiverCreated = z.object({
  waiverId: z.string(),
  criterion: z.string(),
  advisories: z.array(z.string()),
  reason: z.string(),
  approvedVia: z.string(),
  expiresAt: z.string(),
  row: recordedRow.optional(),
});

const waiverExpired = z.object({ waiverId: z.string(), criterion: z.string(), expiresAt: z.string() });

const waiverRevoked = z.object({ waiverId: z.string(), criterion: z.string(), reason: z.string(), revokedAt: z.string() });

const token = z.object({ tokenId: z.string(), name: z.string(), role: z.string(), projects: z.array(z.string()), prefix: z.string() });

/** A browser session began or ended: the session's id prefix (of its hash), how and as what role. */
const uiSignedIn = z.object({ session: z.string(), method: z.enum(['oidc', 'link']), role: z.string(), projects: z.array(z.string()) });
const uiSignedOut = z.object({ session: z.string(), role: z.string() });
const signInLinkCreated = z.object({ linkId: z.string(), name: z.string(), role: z.string(), projects: z.array(z.string()), expiresAt: z.string() });

/**
 * A reload of POLICY_FILE was attempted: by SIGHUP (`signal`), through the API, or on another process's
 * API reload (`broadcast`). A good file names the new hash and rule count; a bad one, why it was refused.
 */
const policyReloaded = z.object({
  via: z.enum(['signal', 'api', 'broadcast']),
  oldHash: z.string(),
  newHash: z.string().optional(),
  rules: z.number().optional(),
  problems: z.array(z.string()).optional(),
});

export const AUDIT_EVENT_CATALOG = {
  decision,
  action,
  'evidence-accepted': evidenceAccepted,
  'evidence-refused': evidenceRefused,
  'waiver-created': waiverCreated,
  'waiver-expired': waiverExpired,
  'waiver-revoked': waiverRevoked,
  'token-created': token,
  'token-revoked': token,
  'policy-reloaded': policyReloaded,
  'ui-signed-in': uiSignedIn,
  'ui-signed-out': uiSignedOut,
  'sign-in-link-created': signInLinkCreated,
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENT_CATALOG;
export type DecisionTrigger = z.infer<typeof decisionTrigger>;

/** The `data` of an entry of one type, as written and as read back. */
export type AuditEventData<Type extends AuditEventType> = z.infer<(typeof AUDIT_EVENT_CATALOG)[Type]>;

/** An event of one type as a writer builds it; the log adds the sequence number, the time and the hashes. */
export type TypedAuditEvent<Type extends AuditEventType = AuditEventType> = {
  [T in Type]: { type: T; tracker: string | null; ticket: string | null; actor: string; data: AuditEventData<T> };
}[Type];
