import type { ActionRecord } from '../decisions/decision.js';
import type { GatePlan } from '../gate/plan-gate.js';
import type { VerdictComment } from '../gate/verdict.js';
import type { Ticket, Tracker } from '../trackers/tracker.js';

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
): Promise<ActionRecord[]> {
  const actions: ActionRecord[] = [];
  const done = (type: ActionRecord['type'], detail: string) =>
    actions.push({ type, ok: true, detail, at: now().toISOString() });

  const posted = await tracker.upsertComment(ticket, comment);
  done('comment', `${posted.created ? 'created' : 'updated'} comment ${posted.commentId}`);
  if (plan.label.add) {
    await tracker.addLabel(ticket, plan.label.add);
    done('label-add', plan.label.add);
  }
  if (plan.label.remove) {
    await tracker.removeLabel(ticket, plan.label.remove);
    done('label-remove', plan.label.remove);
  }
  if (tracker.setVerdictProperty) {
    await tracker.setVerdictProperty(ticket, plan.property);
    done('property', `verdict ${plan.property.status}`);
  }
  return actions;
}
