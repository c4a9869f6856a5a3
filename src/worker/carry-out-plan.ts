import type { ActionRecord } from '../decisions/decision.js';
import type { GatePlan } from '../gate/plan-gate.js';
import type { VerdictComment } from '../domain/index.js';
import type { Ticket } from '../domain/index.js';
import type { Tracker } from '../trackers/tracker.js';

/**
 * The actions after the move: comment, label, property. Each is idempotent (comment edited in place,
 * labels set-like, property overwritten), so a retried job repeats them harmlessly. A failure
 * propagates: the job retries and the decision is recorded only once everything is done.
 */
export async function carryOutFollowUps(
  tracker: Tracker,
  ticket: Ticket,
  plan: GatePlan,
  comment: VerdictComment,
  now: () => Date,
  /** Called as each action is done, before the next: the audit log records actions as they happen. */
  onAction: (action: ActionRecord) => Promise<unknown>,
): Promise<ActionRecord[]> {
  const actions: ActionRecord[] = [];
  const done = async (type: ActionRecord['type'], detail: string) => {
    const action: ActionRecord = { type, ok: true, detail, at: now().toISOString() };
    actions.push(action);
    await onAction(action);
  };

  const posted = await tracker.upsertComment(ticket, comment);
  await done('comment', `${posted.created ? 'created' : 'updated'} comment ${posted.commentId}`);
  if (plan.label.add) {
    await tracker.addLabel(ticket, plan.label.add);
    await done('label-add', plan.label.add);
  }
  if (plan.label.remove) {
    await tracker.removeLabel(ticket, plan.label.remove);
    await done('label-remove', plan.label.remove);
  }
  if (tracker.setVerdictProperty) {
    await tracker.setVerdictProperty(ticket, plan.property);
    await done('property', `verdict ${plan.property.status}`);
  }
  return actions;
}
