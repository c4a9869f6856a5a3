import { auditDecision, auditRecordedDecision, type DecisionInputs } from '../audit/audit-decision.js';
import { createActionRecorder } from '../audit/action-recorder.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ActionRecord, Decision, DecisionOutcome } from '../decisions/decision.js';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import { composeComment, planGate, type GateInput } from '../gate/plan-gate.js';
import type { Logger } from '../logging/logger.js';
import type { JobPayload } from '../queue/job-catalog.js';
import { TrackerPermanentError } from '../trackers/errors.js';
import type { MoveOutcome, Ticket, Tracker, TrackerName } from '../trackers/tracker.js';
import { carryOutFollowUps } from './carry-out-plan.js';
import { assessTicket, type AssessDeps } from './assess-ticket.js';

export interface DecideDeps extends AssessDeps {
  trackers: Partial<Record<TrackerName, Tracker>>;
  decisions: DecisionRepository;
  /** Each decision and each action taken is appended here. */
  audit: AuditLog;
  log: Logger;
  now?: () => Date;
}

/**
 * Progress a job keeps across its own retries. The move back is the one action that changes what a
 * re-read shows: without this, a retry after "moved, then the comment hit a rate limit" would see the
 * ticket out of Done, take it for a stale delivery, and never post the comment.
 */
export interface DecideCheckpoint {
  move?: MoveOutcome;
}

export interface DecideContext {
  checkpoint: DecideCheckpoint;
  saveCheckpoint(checkpoint: DecideCheckpoint): Promise<void>;
  /** True on the last attempt: a transient fault then becomes a recorded `error` decision. */
  isLastAttempt: boolean;
}

export interface DecideResult {
  outcome: DecisionOutcome | 'already-decided';
  reason?: string;
}

/** Decide one ticket transition: re-read, match, evaluate, act, record. The worker holds the ticket's lock. */
export function createDecideTransition(deps: DecideDeps) {
  const now = deps.now ?? (() => new Date());

  return async function decideTransition(
    { transition, receivedAt }: JobPayload<'decide-transition'>,
    context: DecideContext,
  ): Promise<DecideResult> {
    const log = deps.log.child({ tracker: transition.tracker, deliveryId: transition.deliveryId, ticket: transition.ticketKey });
    if (await deps.decisions.isDecided(transition.tracker, transition.deliveryId)) {
      log.info('delivery already decided; nothing to do');
      await auditRecordedDecision(deps.audit, deps.decisions, transition, { trigger: 'transition', ...(transition.actorId !== undefined ? { by: transition.actorId } : {}) });
      return { outcome: 'already-decided' };
    }
    const base = {
      deliveryId: transition.deliveryId,
      tracker: transition.tracker,
      ticketKey: transition.ticketKey,
      ticketId: transition.ticketId,
      fromStatus: transition.fromStatusName ?? transition.fromStatusId,
      toStatus: transition.toStatusName ?? transition.toStatusId,
      occurredAt: new Date(transition.occurredAt),
      receivedAt: new Date(receivedAt),
      criteria: [],
      actions: [],
    } satisfies Partial<Decision>;
    const audited = { trigger: 'transition' as const, ...(transition.actorId !== undefined ? { by: transition.actorId } : {}) };
    const actionLog = createActionRecorder(deps.audit, transition);
    const record = async (decision: Omit<Decision, keyof typeof base | 'decidedAt'> & Partial<Decision>, inputs?: DecisionInputs): Promise<DecideResult> => {
      await actionLog.settle();
      const full: Decision = { ...base, ...decision, decidedAt: now() };
      if (await deps.decisions.record(full)) await auditDecision(deps.audit, full, { ...audited, policyVersion: deps.policy().version }, inputs);
      log.info({ outcome: decision.outcome, reason: decision.reason }, 'decision recorded');
      return { outcome: decision.outcome, ...(decision.reason !== undefined ? { reason: decision.reason } : {}) };
    };

    // A replayed (or hopelessly late) delivery: on the record, so an auditor sees the attempt, and nothing more.
    if (transition.stale === true) {
      return record({ outcome: 'skipped', reason: 'stale delivery: its signed timestamp is older than the replay window, so it is not acted on' });
    }
    const tracker = deps.trackers[transition.tracker];
    if (!tracker) {
      return record({ outcome: 'error', reason: `${transition.tracker} is not configured on this donegate` });
    }

    try {
      if (transition.actorId !== undefined && transition.actorId === (await tracker.selfId())) {
        return record({ outcome: 'skipped', reason: 'moved by donegate itself' });
      }
      const ticket = await tracker.getTicket({ id: transition.ticketId, key: transition.ticketKey });
      const movedBack = context.checkpoint.move?.moved === true;
      if (!movedBack && (ticket.status.id !== transition.toStatusId || !ticket.status.isDone)) {
        return record({
          outcome: 'skipped',
          reason: `ticket is now in "${ticket.status.name}", no longer in the status this delivery moved it to; not acting on a stale move`,
        });
      }
      const time = now();
      const assessment = await assessTicket(deps, ticket, time);
      if (!assessment.gated) {
        return record({ outcome: 'skipped', reason: 'no policy rule matches this ticket', policyHash: assessment.policy.hash });
      }
      const { policy, rule, results } = assessment;
      const input: GateInput = {
        ticket,
        from: { statusId: transition.fromStatusId, ...(transition.fromStatusName ? { statusName: transition.fromStatusName } : {}) },
        rule,
        results,
        policyHash: policy.hash,
        now: time,
      };
      const plan = planGate(input);
      const actions: ActionRecord[] = [];

      let move = context.checkpoint.move;
      if (plan.moveBackTo && !move) {
        move = await tracker.moveTo(ticket, plan.moveBackTo.statusId);
        await context.saveCheckpoint({ move });
      }
      if (plan.moveBackTo && move) {
        const moveAction: ActionRecord = {
          type: 'move',
          ok: move.moved,
          detail: move.moved ? `moved back to ${move.toStatusName ?? plan.moveBackTo.statusName ?? plan.moveBackTo.statusId}` : move.detail,
          at: now().toISOString(),
        };
        actions.push(moveAction);
        await actionLog.record(moveAction);
      }
      const ticketNow: Ticket = move?.moved
        ? { ...ticket, status: { ...ticket.status, id: move.toStatusId, name: move.toStatusName ?? ticket.status.name, isDone: false } }
        : ticket;
      actions.push(...(await carryOutFollowUps(tracker, ticketNow, plan, composeComment(input, plan, move), now, actionLog.record)));

      return record({
        outcome: plan.verdict,
        ...(move && !move.moved ? { reason: move.detail } : {}),
        rule: rule.name,
        mode: rule.mode,
        policyHash: policy.hash,
        criteria: results,
        actions,
      }, assessment.inputs);
    } catch (error) {
      if (error instanceof TrackerPermanentError) {
        await record({ outcome: 'error', reason: `${error.fault}: ${error.message}` });
        throw error;
      }
      if (context.isLastAttempt) {
        await record({ outcome: 'error', reason: `gave up after retries: ${error instanceof Error ? error.message : String(error)}` });
      }
      throw error;
    }
  };
}

export type DecideTransition = ReturnType<typeof createDecideTransition>;
