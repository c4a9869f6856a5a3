import type { ActionRecord } from '../decisions/decision.js';
import type { MoveOutcome, Ticket } from '../domain/index.js';
import { composeComment, planGate, type GateInput } from '../gate/plan-gate.js';
import type { JobPayload } from '../queue/job-catalog.js';
import { carryOutFollowUps } from './carry-out-plan.js';
import { checkTicket, type CheckDeps } from './check-ticket.js';
import { snapshotTicket } from '../decisions/snapshot-ticket.js';
import { runFramedJob, type FrameDeps, type JobContext, type JobResult, type StepScope } from './job-frame.js';

/** The frame's needs and the check's; here the audit log also records evidence read from attachments. */
export type DecideDeps = FrameDeps & CheckDeps;

/**
 * Progress a job keeps across its own retries. The move back is the one action that changes what a
 * re-read shows: without this, a retry after "moved, then the comment hit a rate limit" would see the
 * ticket out of Done, take it for a stale delivery, and never post the comment.
 */
export interface DecideCheckpoint {
  move?: MoveOutcome;
}

export interface DecideContext extends JobContext {
  checkpoint: DecideCheckpoint;
  saveCheckpoint(checkpoint: DecideCheckpoint): Promise<void>;
}

/** Decide one ticket transition: re-read, match, gather, assess, act, record. The worker holds the ticket's lock. */
export function createDecideTransition(deps: DecideDeps) {
  return async function decideTransition({ transition, receivedAt, requestId }: JobPayload<'decide-transition'>, context: DecideContext): Promise<JobResult> {
    const by = transition.actorId !== undefined ? { by: transition.actorId } : {};
    return runFramedJob(
      deps,
      {
        decision: {
          deliveryId: transition.deliveryId,
          tracker: transition.tracker,
          ticketKey: transition.ticketKey,
          ticketId: transition.ticketId,
          fromStatus: transition.fromStatusName ?? transition.fromStatusId,
          toStatus: transition.toStatusName ?? transition.toStatusId,
          occurredAt: new Date(transition.occurredAt),
          receivedAt: new Date(receivedAt),
        },
        audited: { trigger: 'transition', ...by },
        logFields: { tracker: transition.tracker, deliveryId: transition.deliveryId, ticket: transition.ticketKey, ...(requestId === undefined ? {} : { requestId }) },
        loggedAs: 'decision recorded',
        ...(transition.stale === true ? { skipBecause: 'stale delivery: its signed timestamp is older than the replay window, so it is not acted on' } : {}),
        step: (scope) => decide(deps, scope, transition, context),
      },
      context,
    );
  };
}

async function decide(deps: DecideDeps, scope: StepScope, transition: JobPayload<'decide-transition'>['transition'], context: DecideContext): Promise<JobResult> {
  const { tracker, now, record } = scope;
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
  const check = await checkTicket(deps, ticket, time);
  if (!check.gated) return record({ outcome: 'skipped', reason: 'no policy rule matches this ticket', policyHash: check.policy.hash });
  const { policy, rule, results } = check;
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
      detail: move.moved ? `moved back to ${move.toStatusName ?? plan.moveBackTo.statusName ?? plan.moveBackTo.statusId}` : move.explanation,
      at: now().toISOString(),
    };
    actions.push(moveAction);
    await scope.actions.record(moveAction);
  }
  const ticketNow: Ticket = move?.moved
    ? { ...ticket, status: { ...ticket.status, id: move.toStatusId, name: move.toStatusName ?? ticket.status.name, isDone: false } }
    : ticket;
  actions.push(...(await carryOutFollowUps(tracker, ticketNow, plan, composeComment(input, plan, move), now, scope.actions.record)));

  return record(
    {
      outcome: plan.verdict,
      ...(move && !move.moved ? { reason: move.explanation } : {}),
      rule: rule.name,
      mode: rule.mode,
      policyHash: policy.hash,
      criteria: results,
      actions,
      ticket: snapshotTicket(ticket),
    },
    check.inputs,
  );
}

export type DecideTransition = ReturnType<typeof createDecideTransition>;
