import type { TrackerName } from '../domain/index.js';
import type { Logger } from '../logging/logger.js';
import type { JobPayload } from '../queue/job-catalog.js';
import { TrackerPermanentError } from '../trackers/errors.js';
import type { Tracker } from '../trackers/tracker.js';

type Transition = JobPayload<'decide-transition'>['transition'];

/**
 * The transition under its ticket's own key, for a delivery that named the ticket only indirectly (a
 * GitHub board move names the project item). Asked before the ticket's lock is taken, so a board move
 * and an issue close of one issue wait for each other and are recorded under one key; the ticket id
 * stays as delivered, since it says which field to set back. A stale delivery is not acted on, so it
 * is not looked up. When the ticket cannot be found, the transition keeps the key it came with and
 * the job's own read of the ticket records the fault; a passing fault is retried like any other.
 */
export async function resolveTransitionTicket(
  trackers: Partial<Record<TrackerName, Tracker>>,
  transition: Transition,
  attempt: { isLastAttempt: boolean; log: Logger },
): Promise<Transition> {
  const tracker = trackers[transition.tracker];
  if (transition.stale === true || tracker?.resolveKey === undefined) return transition;
  try {
    const key = await tracker.resolveKey({ id: transition.ticketId, key: transition.ticketKey });
    return key === undefined ? transition : { ...transition, ticketKey: key };
  } catch (error) {
    if (!(error instanceof TrackerPermanentError) && !attempt.isLastAttempt) throw error;
    attempt.log.warn({ tracker: transition.tracker, deliveryId: transition.deliveryId, err: { name: error instanceof Error ? error.name : typeof error } }, 'the ticket a delivery names could not be resolved; deciding under the delivered key');
    return transition;
  }
}
