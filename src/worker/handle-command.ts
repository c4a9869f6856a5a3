import { auditDecision, auditRecordedDecision } from '../audit/audit-decision.js';
import { actionEvent, waiverCreatedEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { ActionRecord, Decision } from '../decisions/decision.js';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import type { Logger } from '../logging/logger.js';
import type { Policy } from '../policy/policy.js';
import type { EnqueueReevaluation } from '../queue/enqueue-reevaluation.js';
import type { JobPayload } from '../queue/job-catalog.js';
import { TrackerPermanentError } from '../trackers/errors.js';
import type { Tracker, TrackerName } from '../trackers/tracker.js';
import { addWaiverOnce } from '../waivers/add-waiver-once.js';
import { judgeWaiveCommand } from '../waivers/judge-waive-command.js';
import { describeWaiver } from '../waivers/waiver.js';
import type { WaiverRepository } from '../waivers/waiver-repository.js';
import type { DecideResult } from './decide-transition.js';

export interface HandleCommandDeps {
  trackers: Partial<Record<TrackerName, Tracker>>;
  policy: () => Policy;
  registry: CriterionRegistry;
  waivers: WaiverRepository;
  decisions: DecisionRepository;
  audit: AuditLog;
  /** The waiver's re-evaluation runs as its own job, as after a waiver made through the API. */
  enqueueReevaluation: EnqueueReevaluation;
  log: Logger;
  now?: () => Date;
}

/**
 * Carry out a `/donegate` comment: an approver's well-formed waiver is stored and the ticket re-evaluated
 * (its donegate comment then shows the waiver); anyone else, or a malformed command, gets a short reply.
 * Comments by donegate's own account are skipped silently. Every outcome is recorded as a decision under
 * the delivery's id, which is the comment's own id (`commandDeliveryId`): the audit trail shows it, and a
 * retried or replayed delivery of the comment, under any delivery header and after its job is gone, finds
 * that decision and posts no second reply.
 */
export function createHandleCommand(deps: HandleCommandDeps) {
  const now = deps.now ?? (() => new Date());

  return async function handleCommand(
    { command, receivedAt }: JobPayload<'handle-command'>,
    context: { isLastAttempt: boolean },
  ): Promise<DecideResult> {
    const log = deps.log.child({ tracker: command.tracker, deliveryId: command.deliveryId, ticket: command.ticketKey ?? command.ticketId });
    if (await deps.decisions.isDecided(command.tracker, command.deliveryId)) {
      await auditRecordedDecision(deps.audit, deps.decisions, command, { trigger: 'command', by: command.authorId });
      return { outcome: 'already-decided' };
    }
    let ticketRef = { ticketKey: command.ticketKey ?? command.ticketId, ticketId: command.ticketId };
    const record = async (outcome: 'skipped' | 'error', reason: string, actions: ActionRecord[] = []): Promise<DecideResult> => {
      const decision: Decision = {
        deliveryId: command.deliveryId,
        tracker: command.tracker,
        ...ticketRef,
        outcome,
        reason,
        criteria: [],
        actions,
        occurredAt: new Date(command.occurredAt),
        receivedAt: new Date(receivedAt),
        decidedAt: now(),
      };
      if (await deps.decisions.record(decision)) await auditDecision(deps.audit, decision, { trigger: 'command', by: command.authorId });
      log.info({ outcome, reason }, 'command handled');
      return { outcome, reason };
    };

    const tracker = deps.trackers[command.tracker];
    if (!tracker) return record('error', `${command.tracker} is not configured on this donegate`);
    try {
      if (command.authorId === (await tracker.selfId())) return record('skipped', 'a comment by donegate itself');
      const ticket = await tracker.getTicket({ id: command.ticketId, ...(command.ticketKey ? { key: command.ticketKey } : {}) });
      ticketRef = { ticketKey: ticket.key, ticketId: ticket.id };
      const verdict = judgeWaiveCommand(
        { tracker: command.tracker, ticketKey: ticket.key, authorId: command.authorId, text: command.text },
        { policy: deps.policy(), knownCriteria: [...deps.registry.keys()], now: now() },
      );
      if (!verdict.ok) {
        await tracker.reply(ticket, verdict.reply);
        const reply = { type: 'comment' as const, ok: true, detail: 'replied why no waiver was created', at: now().toISOString() };
        await deps.audit.append(actionEvent({ tracker: command.tracker, ticketKey: ticket.key, deliveryId: command.deliveryId }, reply));
        return record('skipped', verdict.reason, [reply]);
      }
      const { waiver, created } = await addWaiverOnce(deps.waivers, verdict.waiver);
      if (created) await deps.audit.append(waiverCreatedEvent(waiver));
      await deps.enqueueReevaluation({
        tracker: waiver.tracker,
        ticketKey: waiver.ticketKey,
        triggerId: `waiver:${waiver.id}`,
        reason: `re-evaluated after a waiver of ${waiver.criterion} by ${waiver.approver} (${command.tracker} comment)`,
      });
      return record('skipped', `waiver ${waiver.id} of ${waiver.criterion} created from a comment (${describeWaiver(waiver)}); re-evaluation queued`);
    } catch (error) {
      if (error instanceof TrackerPermanentError) {
        await record('error', `${error.fault}: ${error.message}`);
      } else if (context.isLastAttempt) {
        await record('error', `gave up after retries: ${error instanceof Error ? error.message : String(error)}`);
      }
      throw error;
    }
  };
}

export type HandleCommand = ReturnType<typeof createHandleCommand>;
