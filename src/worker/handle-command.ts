import { waiverCreatedEvent } from '../audit/audit-events.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { EnqueueReevaluation } from '../queue/enqueue-reevaluation.js';
import type { JobPayload } from '../queue/job-catalog.js';
import { addWaiverOnce } from '../waivers/add-waiver-once.js';
import { judgeWaiveCommand } from '../waivers/judge-waive-command.js';
import { describeWaiver } from '../waivers/waiver.js';
import type { WaiverRepository } from '../waivers/waiver-repository.js';
import { runFramedJob, type FrameDeps, type JobContext, type JobResult, type StepScope } from './job-frame.js';

export interface HandleCommandDeps extends FrameDeps {
  registry: CriterionRegistry;
  waivers: WaiverRepository;
  /** The waiver's re-evaluation runs as its own job, as after a waiver made through the API. */
  enqueueReevaluation: EnqueueReevaluation;
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
  return async function handleCommand({ command, receivedAt, requestId }: JobPayload<'handle-command'>, context: JobContext): Promise<JobResult> {
    return runFramedJob(
      deps,
      {
        // A Linear command may carry only the issue UUID: the key stands in until the ticket is read.
        decision: {
          deliveryId: command.deliveryId,
          tracker: command.tracker,
          ticketKey: command.ticketKey ?? command.ticketId,
          ticketId: command.ticketId,
          occurredAt: new Date(command.occurredAt),
          receivedAt: new Date(receivedAt),
        },
        audited: { trigger: 'command', by: command.authorId },
        logFields: { tracker: command.tracker, deliveryId: command.deliveryId, ticket: command.ticketKey ?? command.ticketId, ...(requestId === undefined ? {} : { requestId }) },
        loggedAs: 'command handled',
        step: (scope) => handle(deps, scope, command),
      },
      context,
    );
  };
}

async function handle(deps: HandleCommandDeps, { tracker, now, record, identify, actions }: StepScope, command: JobPayload<'handle-command'>['command']): Promise<JobResult> {
  if (command.authorId === (await tracker.selfId())) return record({ outcome: 'skipped', reason: 'a comment by donegate itself' });
  const ticket = await tracker.getTicket({ id: command.ticketId, ...(command.ticketKey ? { key: command.ticketKey } : {}) });
  identify(ticket);
  const verdict = judgeWaiveCommand(
    { tracker: command.tracker, ticketKey: ticket.key, authorId: command.authorId, text: command.text },
    { policy: deps.policy(), knownCriteria: [...deps.registry.keys()], now: now() },
  );
  if (!verdict.ok) {
    await tracker.reply(ticket, verdict.reply);
    const reply = { type: 'comment' as const, ok: true, detail: 'replied why no waiver was created', at: now().toISOString() };
    await actions.record(reply);
    return record({ outcome: 'skipped', reason: verdict.reason, actions: [reply] });
  }
  const { waiver, created } = await addWaiverOnce(deps.waivers, verdict.waiver);
  if (created) await deps.audit.append(waiverCreatedEvent(waiver));
  await deps.enqueueReevaluation({
    tracker: waiver.tracker,
    ticketKey: waiver.ticketKey,
    triggerId: `waiver:${waiver.id}`,
    reason: `re-evaluated after a waiver of ${waiver.criterion} by ${waiver.approver} (${command.tracker} comment)`,
  });
  return record({ outcome: 'skipped', reason: `waiver ${waiver.id} of ${waiver.criterion} created from a comment (${describeWaiver(waiver)}); re-evaluation queued` });
}

export type HandleCommand = ReturnType<typeof createHandleCommand>;
