import type { Decision } from '../decisions/decision.js';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import type { NotificationEvent } from '../domain/index.js';
import type { Logger } from '../logging/logger.js';
import type { EnqueueNotification } from '../queue/enqueue-notification.js';

/** A verdict that says something about the ticket (not a skip or an error). */
const isVerdict = (decision: Decision) => decision.outcome === 'pass' || decision.outcome === 'fail';

const isBlock = (decision: Decision | undefined) => decision?.outcome === 'fail' && decision.mode === 'block';

/**
 * The event a newly recorded decision is, if any: blocked (a fail in block mode that moved the ticket back,
 * or the first fail after it was not blocked), or passing after being blocked. A re-check that finds a
 * blocked ticket still blocked is not news.
 */
export async function eventOfDecision(decisions: Pick<DecisionRepository, 'forTicket'>, decision: Decision): Promise<NotificationEvent | undefined> {
  if (!isVerdict(decision)) return undefined;
  const about = { tracker: decision.tracker, ticketKey: decision.ticketKey, at: decision.decidedAt.toISOString() };
  const rule = decision.rule ?? 'none';
  const earlier = (await decisions.forTicket(decision.tracker, decision.ticketKey)).filter((d) => d.deliveryId !== decision.deliveryId && isVerdict(d));
  const wasBlocked = isBlock(earlier.at(-1));
  if (isBlock(decision)) {
    const movedBack = decision.actions.some((action) => action.type === 'move');
    if (wasBlocked && !movedBack) return undefined;
    const failing = decision.criteria.filter((result) => result.status !== 'pass').map((result) => result.criterion);
    return { kind: 'ticket-blocked', id: `ticket-blocked:${decision.tracker}:${decision.deliveryId}`, ...about, rule, failing };
  }
  if (decision.outcome !== 'pass' || !wasBlocked) return undefined;
  return { kind: 'ticket-unblocked', id: `ticket-unblocked:${decision.tracker}:${decision.deliveryId}`, ...about, rule };
}

/**
 * Queue the notification a decision calls for. A notification never changes a decision: a queue that
 * cannot take the job is logged, and the decision job carries on as if nothing were announced.
 */
export function createDecisionAnnouncer(deps: { decisions: Pick<DecisionRepository, 'forTicket'>; enqueue: EnqueueNotification; log: Logger }) {
  return async (decision: Decision): Promise<void> => {
    try {
      const event = await eventOfDecision(deps.decisions, decision);
      if (event !== undefined) await deps.enqueue(event);
    } catch (error) {
      deps.log.warn(
        { tracker: decision.tracker, ticket: decision.ticketKey, deliveryId: decision.deliveryId, err: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) } },
        'could not queue the notification for this decision; the decision stands',
      );
    }
  };
}
