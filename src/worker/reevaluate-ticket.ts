import { auditDecision, auditRecordedDecision } from '../audit/audit-decision.js';
import { createActionRecorder } from '../audit/action-recorder.js';
import type { DecisionTrigger } from '../audit/audit-events.js';
import type { Decision } from '../decisions/decision.js';
import { composeComment, planGate } from '../gate/plan-gate.js';
import type { JobPayload } from '../queue/job-catalog.js';
import { TrackerPermanentError } from '../trackers/errors.js';
import { assessTicket } from './assess-ticket.js';
import { carryOutFollowUps } from './carry-out-plan.js';
import type { DecideDeps, DecideResult } from './decide-transition.js';

/**
 * Re-check a ticket because evidence arrived: its comment, label and verdict property change at once
 * ("all evidence present — you can move it to Done now"), but the ticket itself is never moved.
 */
export function createReevaluateTicket(deps: DecideDeps) {
  const now = deps.now ?? (() => new Date());

  return async function reevaluateTicket(
    payload: JobPayload<'re-evaluate-ticket'>,
    context: { isLastAttempt: boolean },
  ): Promise<DecideResult> {
    const log = deps.log.child({ tracker: payload.tracker, trigger: payload.triggerId, ticket: payload.ticketKey });
    // The trigger id says what arrived: `evidence:<id>` or `waiver:<id>`.
    const audited = { trigger: (payload.triggerId.startsWith('waiver:') ? 'waiver' : 'evidence') as DecisionTrigger, policyVersion: deps.policy().version };
    if (await deps.decisions.isDecided(payload.tracker, payload.triggerId)) {
      await auditRecordedDecision(deps.audit, deps.decisions, { tracker: payload.tracker, deliveryId: payload.triggerId }, audited);
      return { outcome: 'already-decided' };
    }
    const tracker = deps.trackers[payload.tracker];
    const base = {
      deliveryId: payload.triggerId,
      tracker: payload.tracker,
      ticketKey: payload.ticketKey,
      receivedAt: new Date(payload.requestedAt),
      criteria: [],
      actions: [],
    };
    const actionLog = createActionRecorder(deps.audit, { tracker: payload.tracker, ticketKey: payload.ticketKey, deliveryId: payload.triggerId });
    const record = async (decision: Decision, inputs?: Parameters<typeof auditDecision>[3]) => {
      await actionLog.settle();
      if (await deps.decisions.record(decision)) await auditDecision(deps.audit, decision, audited, inputs);
    };
    const recordError = async (ticketId: string, reason: string) => {
      await record({ ...base, ticketId, outcome: 'error', reason, decidedAt: now() });
      log.warn({ reason }, 're-evaluation failed');
    };
    if (!tracker) {
      await recordError('unknown', `${payload.tracker} is not configured on this donegate`);
      return { outcome: 'error' };
    }
    try {
      const ticket = await tracker.getTicket({ key: payload.ticketKey });
      const time = now();
      const assessment = await assessTicket(deps, ticket, time);
      if (!assessment.gated) {
        await record({ ...base, ticketId: ticket.id, toStatus: ticket.status.name, outcome: 'skipped', reason: 'no policy rule matches this ticket', policyHash: assessment.policy.hash, decidedAt: now() });
        return { outcome: 'skipped' };
      }
      const { policy, rule, results } = assessment;
      const input = { ticket, from: { statusId: ticket.status.id }, rule, results, policyHash: policy.hash, now: time, trigger: 'evidence' as const };
      const plan = planGate(input);
      const actions = await carryOutFollowUps(tracker, ticket, plan, composeComment(input, plan), now, actionLog.record);
      await record({
        ...base,
        ticketId: ticket.id,
        toStatus: ticket.status.name,
        outcome: plan.verdict,
        reason: payload.reason,
        rule: rule.name,
        mode: rule.mode,
        policyHash: policy.hash,
        criteria: results,
        actions,
        decidedAt: now(),
      }, assessment.inputs);
      log.info({ outcome: plan.verdict }, 'ticket re-evaluated');
      return { outcome: plan.verdict };
    } catch (error) {
      if (error instanceof TrackerPermanentError) {
        await recordError('unknown', `${error.fault}: ${error.message}`);
      } else if (context.isLastAttempt) {
        await recordError('unknown', `gave up after retries: ${error instanceof Error ? error.message : String(error)}`);
      }
      throw error;
    }
  };
}

export type ReevaluateTicket = ReturnType<typeof createReevaluateTicket>;
