import type { ApiTokenRecord, Principal } from '../auth/api-token.js';
import type { SignInLinkRecord } from '../auth/sign-in-links.js';
import type { ActionRecord, Decision } from '../decisions/decision.js';
import { UNKNOWN_ATTACHMENT_AUTHOR, type EvidenceRecord } from '../evidence/evidence-record.js';
import type { Waiver } from '../waivers/waiver.js';
import type { AuditEventData, DecisionTrigger, TypedAuditEvent } from './audit-event-catalog.js';

/**
 * Builders for each kind of entry, typed by the catalog (audit-event-catalog.ts). They decide what an
 * entry holds, and so what it leaves out: ids, statuses, hashes and short reasons — never an email, a
 * comment body or a report.
 */

export interface DecisionContext {
  /** What set the decision off: a move to Done, evidence or a waiver arriving, a `/donegate` comment. */
  trigger: DecisionTrigger;
  /** The tracker account that moved the ticket (transitions) or wrote the command. */
  by?: string;
  policyVersion?: number;
  /** Ids of the evidence records the criteria were judged on. */
  evidenceIds?: string[];
  /** Written by a retry because the attempt that recorded the decision could not append it; evidence ids are then unknown. */
  recovered?: boolean;
}

/** `jira:<accountId>`, `linear:<userId>`: an account id, never a name or an email. */
export const trackerActor = (tracker: string, accountId: string): string => `${tracker}:${accountId}`;
export const tokenActor = (tokenName: string): string => `token:${tokenName}`;
/** `user:<name>`: a person signed in to the pages, by the name their sign-in gave (an e-mail, a link's name). */
export const userActor = (name: string): string => `user:${name}`;
/** How the audit log names whoever made a request: a signed-in person, or the API token a script used. */
export const principalActor = (principal: { name: string; session?: true }): string => (principal.session ? userActor(principal.name) : tokenActor(principal.name));

/** Who created a waiver, by where it came from: an API token, a person on the waivers page, or a tracker account. */
function waiverApproverActor(waiver: Waiver): string {
  if (waiver.approvedVia === 'api') return tokenActor(waiver.approver);
  if (waiver.approvedVia === 'ui') return userActor(waiver.approver);
  return trackerActor(waiver.tracker, waiver.approver);
}
/**
 * Who stands behind evidence the worker read from an attachment: donegate for its own scan of attached
 * data; for a report, the account that attached it (the record's submitter), or `attachment` when the
 * tracker did not say.
 */
export const attachedEvidenceActor = (record: Pick<EvidenceRecord, 'tracker' | 'submitter' | 'provenance'>): string =>
  record.provenance?.kind === 'donegate-scan'
    ? 'donegate'
    : record.submitter === UNKNOWN_ATTACHMENT_AUTHOR
      ? UNKNOWN_ATTACHMENT_AUTHOR
      : trackerActor(record.tracker, record.submitter);

export function decisionEvent(decision: Decision, context: DecisionContext): TypedAuditEvent<'decision'> {
  return {
    type: 'decision',
    tracker: decision.tracker,
    ticket: decision.ticketKey,
    actor: 'donegate',
    data: {
      deliveryId: decision.deliveryId,
      trigger: context.trigger,
      ...(context.by !== undefined ? { by: trackerActor(decision.tracker, context.by) } : {}),
      outcome: decision.outcome,
      ...(decision.reason !== undefined ? { reason: decision.reason } : {}),
      ...(decision.fromStatus !== undefined ? { fromStatus: decision.fromStatus } : {}),
      ...(decision.toStatus !== undefined ? { toStatus: decision.toStatus } : {}),
      ...(decision.rule !== undefined ? { rule: decision.rule } : {}),
      ...(decision.mode !== undefined ? { mode: decision.mode } : {}),
      ...(decision.policyHash !== undefined ? { policy: { hash: decision.policyHash, version: context.policyVersion ?? 1 } } : {}),
      criteria: decision.criteria.map((c) => ({ criterion: c.criterion, status: c.status, reason: c.reason })),
      evidence: context.evidenceIds ?? [],
      ...(context.recovered ? { recovered: true } : {}),
    },
  };
}

export function actionEvent(ref: { tracker: string; ticketKey: string; deliveryId: string }, action: ActionRecord): TypedAuditEvent<'action'> {
  return {
    type: 'action',
    tracker: ref.tracker,
    ticket: ref.ticketKey,
    actor: 'donegate',
    data: { deliveryId: ref.deliveryId, action: action.type, ok: action.ok, detail: action.detail },
  };
}

/**
 * Evidence stored for a ticket. `actor` defaults to the submitting token; evidence read from a ticket
 * attachment names the tracker account that attached it (`attachedEvidenceActor`).
 */
export function evidenceAcceptedEvent(record: EvidenceRecord, actor = tokenActor(record.submitter)): TypedAuditEvent<'evidence-accepted'> {
  return {
    type: 'evidence-accepted',
    tracker: record.tracker,
    ticket: record.ticketKey,
    actor,
    data: {
      evidenceId: record.id,
      criterion: record.criterion,
      outcome: record.outcome,
      format: typeof record.summary.format === 'string' ? record.summary.format : null,
      summary: record.summary.text,
      sha256: record.sha256,
      source: record.source,
      // Who vouched for it: token and role (and CI run), the listed account that attached it, or donegate's own scan.
      provenance: record.provenance ?? null,
    },
  };
}

export interface RefusedEvidence {
  tracker: string;
  ticketKey: string;
  criterion: string;
  submitter: string;
  source: string;
  sha256: string;
  bytes: number;
}

/**
 * The reason is cut short: parser messages name a position or a field, never more of the report than that.
 * `actor` defaults to the submitting token; an attachment refused as evidence names the account that attached it.
 */
export function evidenceRefusedEvent(refused: RefusedEvidence, error: unknown, actor = tokenActor(refused.submitter)): TypedAuditEvent<'evidence-refused'> {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
  const reason = error instanceof Error ? error.message : String(error);
  return {
    type: 'evidence-refused',
    tracker: refused.tracker,
    ticket: refused.ticketKey,
    actor,
    data: { criterion: refused.criterion, sha256: refused.sha256, bytes: refused.bytes, source: refused.source, code, reason: reason.slice(0, 300) },
  };
}

export function waiverCreatedEvent(waiver: Waiver): TypedAuditEvent<'waiver-created'> {
  return {
    type: 'waiver-created',
    tracker: waiver.tracker,
    ticket: waiver.ticketKey,
    actor: waiverApproverActor(waiver),
    data: {
      waiverId: waiver.id,
      criterion: waiver.criterion,
      advisories: waiver.advisories,
      reason: waiver.reason,
      approvedVia: waiver.approvedVia,
      expiresAt: waiver.expiresAt.toISOString(),
    },
  };
}

export function waiverExpiredEvent(waiver: Waiver): TypedAuditEvent<'waiver-expired'> {
  return {
    type: 'waiver-expired',
    tracker: waiver.tracker,
    ticket: waiver.ticketKey,
    actor: 'donegate',
    data: { waiverId: waiver.id, criterion: waiver.criterion, expiresAt: waiver.expiresAt.toISOString() },
  };
}

/** An approver or admin withdrew the waiver before it expired; `actor` is who revoked it (the token, unless said). */
export function waiverRevokedEvent(waiver: Waiver & Required<Pick<Waiver, 'revoked'>>, actor = tokenActor(waiver.revoked.by)): TypedAuditEvent<'waiver-revoked'> {
  return {
    type: 'waiver-revoked',
    tracker: waiver.tracker,
    ticket: waiver.ticketKey,
    actor,
    data: { waiverId: waiver.id, criterion: waiver.criterion, reason: waiver.revoked.reason, revokedAt: waiver.revoked.at.toISOString() },
  };
}

export function tokenEvent(type: 'token-created' | 'token-revoked', record: ApiTokenRecord, actor: string): TypedAuditEvent<'token-created' | 'token-revoked'> {
  return {
    type,
    tracker: null,
    ticket: null,
    actor,
    data: { tokenId: record.id, name: record.name, role: record.role, projects: record.projects, prefix: record.tokenPrefix },
  };
}

/** A policy reload attempt; `actor` is `signal` for SIGHUP, else the token that asked (`token:<name>`). */
export function policyReloadedEvent(actor: string, data: AuditEventData<'policy-reloaded'>): TypedAuditEvent<'policy-reloaded'> {
  return { type: 'policy-reloaded', tracker: null, ticket: null, actor, data };
}

/** `session:<prefix>` → `<prefix>`: the audit data names the session without the tokenId's kind. */
const sessionOf = (principal: Principal): string => principal.tokenId.replace(/^session:/, '');

/**
 * Someone signed in to the web app. `actor` is how: `oidc:<subject>` (the IdP's id, never the e-mail) or
 * `link:<link id>`; never any part of the cookie.
 */
export function uiSignedInEvent(principal: Principal, method: 'oidc' | 'link', actor: string): TypedAuditEvent<'ui-signed-in'> {
  return { type: 'ui-signed-in', tracker: null, ticket: null, actor, data: { session: sessionOf(principal), method, role: principal.role, projects: principal.projects } };
}

export function uiSignedOutEvent(principal: Principal): TypedAuditEvent<'ui-signed-out'> {
  return { type: 'ui-signed-out', tracker: null, ticket: null, actor: principal.tokenId, data: { session: sessionOf(principal), role: principal.role } };
}

export function signInLinkCreatedEvent(record: SignInLinkRecord, actor: string): TypedAuditEvent<'sign-in-link-created'> {
  return {
    type: 'sign-in-link-created',
    tracker: null,
    ticket: null,
    actor,
    data: { linkId: record.id, name: record.name, role: record.role, projects: record.projects, expiresAt: record.expiresAt.toISOString() },
  };
}
