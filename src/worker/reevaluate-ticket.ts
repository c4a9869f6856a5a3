import { composeComment, planGate } from '../gate/plan-gate.js';
import type { JobPayload } from '../queue/job-catalog.js';
import { carryOutFollowUps } from './carry-out-plan.js';
import { checkTicket } from './check-ticket.js';
import { snapshotTicket } from '../decisions/snapshot-ticket.js';
import type { DecideDeps } from './decide-transition.js';
import { runFramedJob, type JobContext, type JobResult, type StepScope } from './job-frame.js';

/**
 * Re-check a ticket because evidence arrived: its comment, label and verdict property change at once
 * ("all evidence present — you can move it to Done now"), but the ticket itself is never moved.
 */
export function createReevaluateTicket(deps: DecideDeps) {
  return async function reevaluateTicket(payload: JobPayload<'re-evaluate-ticket'>, context: JobContext): Promise<JobResult> {
    return runFramedJob(
      deps,
      {
        // The trigger id says what arrived (`evidence:<id>` or `waiver:<id>`) and is the decision's delivery id.
        decision: { deliveryId: payload.triggerId, tracker: payload.tracker, ticketKey: payload.ticketKey, ticketId: 'unknown', receivedAt: new Date(payload.requestedAt) },
        audited: { trigger: payload.triggerId.startsWith('waiver:') ? 'waiver' : 'evidence' },
        logFields: { tracker: payload.tracker, trigger: payload.triggerId, ticket: payload.ticketKey },
        loggedAs: 'ticket re-evaluated',
        step: (scope) => reevaluate(deps, scope, payload),
      },
      context,
    );
  };
}

async function reevaluate(deps: DecideDeps, { tracker, now, record, actions }: StepScope, payload: JobPayload<'re-evaluate-ticket'>): Promise<JobResult> {
  const ticket = await tracker.getTicket({ key: payload.ticketKey });
  const read = { ticketId: ticket.id, toStatus: ticket.status.name };
  const time = now();
  const check = await checkTicket(deps, ticket, time);
  if (!check.gated) return record({ ...read, outcome: 'skipped', reason: 'no policy rule matches this ticket', policyHash: check.policy.hash });
  const { policy, rule, results } = check;
  const input = { ticket, from: { statusId: ticket.status.id }, rule, results, policyHash: policy.hash, now: time, trigger: 'evidence' as const };
  const plan = planGate(input);
  const done = await carryOutFollowUps(tracker, ticket, plan, composeComment(input, plan), now, actions.record);
  return record(
    { ...read, outcome: plan.verdict, reason: payload.reason, rule: rule.name, mode: rule.mode, policyHash: policy.hash, criteria: results, actions: done, ticket: snapshotTicket(ticket) },
    check.inputs,
  );
}

export type ReevaluateTicket = ReturnType<typeof createReevaluateTicket>;
