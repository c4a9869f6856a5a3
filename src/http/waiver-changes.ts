import type { Principal } from '../auth/api-token.js';
import { projectInScope, projectKeyOf } from '../auth/project-key.js';
import { principalActor, waiverCreatedEvent, waiverRevokedEvent } from '../audit/audit-events.js';
import { findTrackerPlugin } from '../trackers/registry.js';
import type { Waiver } from '../waivers/waiver.js';
import { waiverExpiry, type WaiverRequest } from '../waivers/waiver-request.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { Policy } from '../policy/policy.js';
import type { EnqueueReevaluation } from '../queue/enqueue-reevaluation.js';
import type { WaiverRepository } from '../waivers/waiver-repository.js';

/** What creating or revoking a waiver needs: the same stores, audit log and queue as the API routes. */
export interface WaiverChangeDeps {
  waivers: WaiverRepository;
  registry: CriterionRegistry;
  policy: () => Policy;
  enqueueReevaluation: EnqueueReevaluation;
  audit: AuditLog;
}

/** A change refused, with the HTTP status and error code the API answers and a message that says the fix. */
export interface WaiverChangeRefusal {
  refused: { status: 400 | 403 | 404 | 409; code: string; message: string };
}

export type WaiverChange = { waiver: Waiver; reevaluation: 'queued' | 'not-queued' } | WaiverChangeRefusal;

/** The project of a waiver's ticket, as its tracker reads keys. */
export const projectOfWaiver = (waiver: Pick<Waiver, 'tracker' | 'ticketKey'>): string =>
  findTrackerPlugin(waiver.tracker)?.projectOfKey(waiver.ticketKey) ?? projectKeyOf(waiver.ticketKey) ?? '';

const refuse = (status: WaiverChangeRefusal['refused']['status'], code: string, message: string): WaiverChangeRefusal => ({ refused: { status, code, message } });

/** Queues a re-evaluation; a Redis outage does not undo the waiver (the ticket's next move re-checks). */
async function reevaluate(deps: WaiverChangeDeps, waiver: Waiver, triggerId: string, reason: string): Promise<'queued' | 'not-queued'> {
  try {
    await deps.enqueueReevaluation({ tracker: waiver.tracker, ticketKey: waiver.ticketKey, triggerId, reason });
    return 'queued';
  } catch {
    return 'not-queued';
  }
}

/**
 * Accept a risk on a ticket for `principal` (the approver): checks the project scope, the criterion and
 * the end date against the policy, stores the waiver, logs `waiver-created` and re-evaluates the ticket.
 * The API (`POST /api/v1/waivers`) and the waivers page both go through here, so both leave the same trail.
 */
export async function createWaiver(deps: WaiverChangeDeps, principal: Principal, request: WaiverRequest, now: Date): Promise<WaiverChange> {
  // The project as the ticket's own tracker reads its key: a GitHub key's repository, not a Jira-style prefix.
  const project = projectOfWaiver({ tracker: request.tracker, ticketKey: request.ticket.toUpperCase() });
  if (!projectInScope(principal.projects, project, request.tracker)) {
    return refuse(403, 'FORBIDDEN_PROJECT', `token "${principal.name}" is limited to project(s) ${principal.projects.join(', ')} and cannot waive for ${request.tracker} ${request.ticket.toUpperCase()}`);
  }
  if (!deps.registry.has(request.criterion)) {
    return refuse(400, 'INVALID_WAIVER', `criterion: unknown criterion "${request.criterion}"; known criteria: ${[...deps.registry.keys()].join(', ')}`);
  }
  const expiry = waiverExpiry(request.expires, now, deps.policy().waivers.maxDays);
  if ('problem' in expiry) return refuse(400, 'INVALID_WAIVER', `expires: ${expiry.problem}`);
  const waiver = await deps.waivers.add({
    tracker: request.tracker,
    ticketKey: request.ticket.toUpperCase(),
    criterion: request.criterion,
    advisories: request.advisories,
    reason: request.reason,
    approver: principal.name,
    approvedVia: principal.session ? 'ui' : 'api',
    expiresAt: expiry.expiresAt,
  });
  await deps.audit.append(waiverCreatedEvent(waiver));
  const reevaluation = await reevaluate(deps, waiver, `waiver:${waiver.id}`, `re-evaluated after a waiver of ${waiver.criterion} by ${waiver.approver}`);
  return { waiver, reevaluation };
}

/**
 * Withdraw a waiver before it expires: records a revocation row (waivers are append-only), logs
 * `waiver-revoked` and re-evaluates the ticket. A waiver outside the principal's projects is answered as
 * missing: its existence is not theirs to learn.
 */
export async function revokeWaiver(deps: WaiverChangeDeps, principal: Principal, id: string, reason: string, now: Date): Promise<WaiverChange> {
  const notFound = () => refuse(404, 'WAIVER_NOT_FOUND', `no waiver with id "${id.slice(0, 100)}"; GET /api/v1/waivers lists them`);
  const waiver = await deps.waivers.find(id);
  if (!waiver || !projectInScope(principal.projects, projectOfWaiver(waiver), waiver.tracker)) return notFound();
  if (waiver.expiresAt.getTime() <= now.getTime()) {
    return refuse(409, 'WAIVER_EXPIRED', `the waiver ${waiver.id} expired on ${waiver.expiresAt.toISOString().slice(0, 10)}; it no longer counts, so there is nothing to revoke`);
  }
  const outcome = await deps.waivers.revoke(waiver.id, principal.name, reason);
  if (outcome.status === 'not-found') return notFound();
  if (outcome.status === 'already-revoked') {
    return refuse(409, 'WAIVER_REVOKED', `the waiver ${waiver.id} was already revoked by ${outcome.waiver.revoked?.by ?? 'someone'}`);
  }
  const revoked = outcome.waiver;
  await deps.audit.append(waiverRevokedEvent({ ...revoked, revoked: revoked.revoked! }, principalActor(principal)));
  const reevaluation = await reevaluate(deps, revoked, `waiver-revoked:${revoked.id}`, `re-evaluated after ${principal.name} revoked a waiver of ${revoked.criterion}`);
  return { waiver: revoked, reevaluation };
}
